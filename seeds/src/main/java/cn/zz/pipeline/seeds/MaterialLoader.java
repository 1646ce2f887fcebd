package cn.zz.pipeline.seeds;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A few small 入库 materials (入库资料) for declared and admitted projects of 上街区 and 新郑市 (the districts with a
 * demo staff user), uploaded as that staff through {@code POST /api/projects/{id}/materials} (multipart {@code kind},
 * {@code file}). In each district the first admitted project gets all three required kinds (its admission ledger
 * misses nothing), the first live declaration an approval document and an undated PNG site photo (the ledger shows
 * the contract missing). Idempotent: a file whose name the project's list already has is not sent again.
 */
final class MaterialLoader {

    /** One file to upload. */
    record Sample(SeedData.Project project, String kind, String name, String contentType, byte[] bytes)
            implements SeedData.Labelled {

        @Override
        public String label() {
            return project.label() + " 入库资料 " + name;
        }
    }

    private final StackApi api;
    private final Map<String, String> ids;
    private final Map<String, String> staff;

    MaterialLoader(StackApi api, Map<String, String> ids, Map<String, String> staff) {
        this.api = api;
        this.ids = ids;
        this.staff = staff;
    }

    /** The samples, in the files' order of projects (file contents depend on the project only). */
    static List<Sample> samples(SeedData data, Set<String> districts) {
        List<Sample> out = new ArrayList<>();
        Set<String> admitted = new HashSet<>();
        Set<String> declared = new HashSet<>();
        for (SeedData.Project p : data.projects()) {
            if (!districts.contains(p.district()) || p.withdrawnOn() != null || p.startedOn() != null) {
                continue;
            }
            if (p.admittedOn() != null && admitted.add(p.district())) {
                LocalDate photo = p.admittedOn().minusDays(3);
                out.add(pdf(p, "APPROVAL_DOC", "项目备案证明.pdf", "Filing certificate " + p.code()));
                out.add(pdf(p, "CONTRACT", "施工合同.pdf", "Construction contract " + p.code()));
                out.add(new Sample(p, "SITE_PHOTO", "现场照片-" + photo + ".jpg", "image/jpeg",
                        SampleFiles.jpeg(photo.atTime(10, 30))));
            } else if (p.live() && p.admittedOn() == null && declared.add(p.district())) {
                out.add(pdf(p, "APPROVAL_DOC", "项目备案证明.pdf", "Filing certificate " + p.code()));
                out.add(new Sample(p, "SITE_PHOTO", "现场照片.png", "image/png", SampleFiles.png()));
            }
        }
        return out;
    }

    private static Sample pdf(SeedData.Project p, String kind, String name, String line) {
        return new Sample(p, kind, name, "application/pdf", SampleFiles.pdf(line));
    }

    /** Uploads one sample unless the project already holds a file of its name. */
    String upload(Sample s) {
        String url = api.project + "/api/projects/" + ids.get(s.project().code()) + "/materials";
        StackApi.Answer list = api.get("admin", url);
        if (!list.ok()) {
            throw new IllegalStateException("入库资料 " + list.problem());
        }
        JsonNode items = list.body().has("items") ? list.body().path("items") : list.body();
        for (JsonNode m : items) {
            if (s.name().equals(m.path("name").asText())) {
                return "present";
            }
        }
        StackApi.Answer r = api.upload(staff.getOrDefault(s.project().district(), "admin"), url,
                Map.of("kind", s.kind()), "file", s.name(), s.contentType(), s.bytes());
        if (!r.ok()) {
            throw new IllegalStateException("入库资料 " + s.name() + ": " + r.problem());
        }
        return "uploaded";
    }
}
