package cn.zz.pipeline.seeds;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seeds' milestone plans against a fixed today, with project-service's generation played here from the shipped
 * templates (project-service's milestones/default-templates.json, read here) and its status rule (LATE after the planned day,
 * AT_RISK from 7 days before it).
 */
class SeedMilestonesTest {

    private static final SeedData DATA = SeedData.read(Path.of("data"));
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);

    /**
     * project-service's shipped templates, read from the one file that defines them, so a changed default changes
     * what this test expects.
     */
    private static final JsonNode TEMPLATES = readTemplates();

    private static JsonNode readTemplates() {
        try {
            return new ObjectMapper().readTree(
                    Path.of("..", "project-service", "src", "main", "resources", "milestones", "default-templates.json")
                            .toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The project's template (its construction type's own, else its project type's): code → days before the start
     * (after it for PRODUCTION), in node order.
     */
    private static Map<String, Integer> template(SeedData.Project p) {
        Object type = p.facts().get("projectType");
        Object construction = p.facts().get("constructionType");
        JsonNode chosen = null;
        for (JsonNode t : TEMPLATES) {
            boolean sameType = t.path("projectType").asText().equals(type);
            if (sameType && !t.path("constructionType").isNull()
                    && t.path("constructionType").asText().equals(construction)) {
                chosen = t;
                break;
            }
            if (sameType && t.path("constructionType").isNull()) {
                chosen = t;
            }
        }
        assertThat(chosen).as("template of " + p.label()).isNotNull();
        Map<String, Integer> out = new LinkedHashMap<>();
        chosen.path("nodes").forEach(n -> out.put(n.path("code").asText(), n.path("offsetDays").asInt()));
        return out;
    }

    /** The plan as project-service leaves it after the loader: generated, 投产 replanned, completions applied. */
    private static List<SeedMilestones.Node> loaded(SeedMilestones.Plan plan) {
        SeedData.Project p = plan.project();
        List<SeedMilestones.Node> nodes = new ArrayList<>();
        template(p).forEach((code, days) -> {
            LocalDate planned = code.equals("PRODUCTION") ? (plan.production() != null ? plan.production()
                    : plan.targetStart().plusDays(days)) : plan.targetStart().minusDays(days);
            LocalDate actual = switch (code) {
                case "APPROVED" -> p.admittedOn();
                case "START" -> p.startedOn();
                case "PRODUCTION" -> p.productionOn();
                default -> null;
            };
            nodes.add(new SeedMilestones.Node(code, planned, actual));
        });
        Map<String, LocalDate> done = SeedMilestones.completions(plan, nodes);
        nodes.replaceAll(n -> done.containsKey(n.code()) ? new SeedMilestones.Node(n.code(), n.planned(),
                done.get(n.code())) : n);
        return nodes;
    }

    private static String light(List<SeedMilestones.Node> nodes, LocalDate today) {
        String light = "GREEN";
        for (SeedMilestones.Node n : nodes) {
            if (n.actual() == null && n.planned().isBefore(today)) {
                return "RED";
            }
            if (n.actual() == null && !n.planned().isAfter(today.plusDays(7))) {
                light = "YELLOW";
            }
        }
        return light;
    }

    @Test
    void theAuxBasePlanEndsInProductionIn2026() {
        SeedMilestones.Plan aux = SeedMilestones.plans(DATA, TODAY).stream()
                .filter(p -> p.project().name().startsWith("奥克斯智能空调基地")).findFirst().orElseThrow();
        List<SeedMilestones.Node> nodes = loaded(aux);
        SeedMilestones.Node production = nodes.get(nodes.size() - 1);
        assertThat(production.code()).isEqualTo("PRODUCTION");
        assertThat(production.planned()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(nodes).filteredOn(n -> !n.code().equals("PRODUCTION")).allMatch(n -> n.actual() != null);
        assertThat(light(nodes, TODAY)).isEqualTo("GREEN");
    }

    /** Whatever day the loader runs (year ends and 29 February included), the plans have red and yellow lights. */
    @ParameterizedTest
    @ValueSource(strings = {"2026-12-03", "2026-12-31", "2027-01-01", "2027-02-28", "2028-02-29"})
    void someProjectsAreRedAndSomeYellowOnTheLoadersToday(String day) {
        LocalDate today = LocalDate.parse(day);
        Map<String, Integer> lights = new LinkedHashMap<>();
        for (SeedMilestones.Plan plan : SeedMilestones.plans(DATA, today)) {
            lights.merge(light(loaded(plan), today), 1, Integer::sum);
        }
        assertThat(lights.getOrDefault("RED", 0)).as(lights.toString()).isGreaterThanOrEqualTo(3);
        assertThat(lights.getOrDefault("YELLOW", 0)).as(lights.toString()).isGreaterThanOrEqualTo(3);
        if (today.equals(TODAY)) { // the files' own time: most major projects on schedule
            assertThat(lights.get("GREEN")).as(lights.toString()).isGreaterThan(5 * lights.get("RED"));
        }
    }

    @Test
    void everyStartedProjectHasALandDateNotAfterItsStartSomeWithin30Days() {
        int within = 0;
        int longer = 0;
        for (SeedMilestones.Plan plan : SeedMilestones.plans(DATA, TODAY)) {
            SeedData.Project p = plan.project();
            if (p.startedOn() == null || !template(p).containsKey("LAND")) {
                continue;
            }
            LocalDate land = loaded(plan).stream().filter(n -> n.code().equals("LAND")).findFirst().orElseThrow()
                    .actual();
            assertThat(land).as(p.label()).isNotNull().isBeforeOrEqualTo(p.startedOn())
                    .isAfterOrEqualTo(p.registeredAt().toLocalDate());
            if (!land.plusDays(30).isBefore(p.startedOn())) {
                within++;
            } else {
                longer++;
            }
        }
        assertThat(within).isGreaterThan(10);
        assertThat(longer).isGreaterThan(10);
    }

    /** What project-service would refuse (422 in-future, before-registration) never leaves the loader. */
    @Test
    void completionsAreNeitherInTheFutureNorBeforeTheRegistrationAndASecondLoadAddsNone() {
        List<SeedMilestones.Plan> plans = SeedMilestones.plans(DATA, TODAY);
        assertThat(plans).hasSizeGreaterThan(300)
                .allMatch(p -> SeedMilestones.major(p.project()) && p.project().withdrawnOn() == null);
        for (SeedMilestones.Plan plan : plans) {
            List<SeedMilestones.Node> nodes = loaded(plan);
            for (SeedMilestones.Node n : nodes) {
                if (n.actual() != null && !Set.of("APPROVED", "START", "PRODUCTION").contains(n.code())) {
                    assertThat(n.actual()).as(plan.label() + " " + n.code()).isBeforeOrEqualTo(TODAY)
                            .isAfterOrEqualTo(plan.project().registeredAt().toLocalDate());
                }
            }
            assertThat(SeedMilestones.completions(plan, nodes)).as(plan.label()).isEmpty();
        }
    }

    @Test
    void theSampleFilesAreWhatTheyClaim() throws Exception {
        byte[] pdf = SampleFiles.pdf("Filing certificate 2025-410106-01-01-000110");
        String text = new String(pdf, StandardCharsets.US_ASCII);
        assertThat(text).startsWith("%PDF-1.4").endsWith("%%EOF\n");
        int xref = Integer.parseInt(text.substring(text.indexOf("startxref\n") + 10, text.indexOf("\n%%EOF")));
        String[] table = text.substring(xref).split("\n");
        assertThat(table[1]).isEqualTo("0 6");
        for (int object = 1; object <= 5; object++) {
            assertThat(text.substring(Integer.parseInt(table[2 + object].substring(0, 10))))
                    .startsWith(object + " 0 obj");
        }

        byte[] jpeg = SampleFiles.jpeg(LocalDateTime.of(2026, 3, 14, 10, 30));
        assertThat(jpeg[0] & 0xFF).isEqualTo(0xFF);
        assertThat(jpeg[1] & 0xFF).isEqualTo(0xD8);
        assertThat(jpeg[2] & 0xFF).isEqualTo(0xFF);
        assertThat(jpeg[3] & 0xFF).isEqualTo(0xE1);
        assertThat(new String(jpeg, StandardCharsets.ISO_8859_1)).contains("Exif\0\0II")
                .contains("2026:03:14 10:30:00\0");
        assertThat(ImageIO.read(new ByteArrayInputStream(jpeg)).getWidth()).isEqualTo(32);
        byte[] png = SampleFiles.png();
        assertThat(ImageIO.read(new ByteArrayInputStream(png)).getHeight()).isEqualTo(24);
    }

    @Test
    void sampleMaterialsGoToDeclaredAndAdmittedProjectsOfTheStaffsDistricts() {
        List<MaterialLoader.Sample> samples = MaterialLoader.samples(DATA, Set.of("410106", "410184"));
        assertThat(samples).hasSize(10);
        assertThat(samples).allMatch(s -> s.project().startedOn() == null && s.project().declaredOn() != null);
        assertThat(samples).extracting(MaterialLoader.Sample::kind).contains("APPROVAL_DOC", "CONTRACT",
                "SITE_PHOTO");
    }
}
