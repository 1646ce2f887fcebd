package cn.zz.pipeline.project.milestones;

import cn.zz.pipeline.platform.problem.ApiException;
import cn.zz.pipeline.platform.time.Today;
import cn.zz.pipeline.platform.web.IfMatch;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The versioned milestone templates, in the style of approval-service's rule table. Version 1 is the defaults
 * shipped with the service ({@code milestones/default-templates.json}); admin writes versions 2 and later, each
 * immutable, guarded by If-Match: of two admins saving from the same version the primary key lets one win and the
 * other gets 409. Versions are parsed once and cached.
 */
@ApplicationScoped
public class MilestoneTemplates {

    static final int SHIPPED = 1;
    private static final String DEFAULTS = "milestones/default-templates.json";
    private static final TypeReference<List<Template>> TEMPLATES = new TypeReference<>() {
    };

    @Inject
    TemplateVersionRepository stored;

    @Inject
    ObjectMapper json;

    @Inject
    Today today;

    private final Map<Integer, TemplateSet> versions = new ConcurrentHashMap<>();

    @Transactional(Transactional.TxType.SUPPORTS)
    public TemplateSet current() {
        return version(stored.current());
    }

    /** A version of the templates, or 404. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public TemplateSet version(int version) {
        TemplateSet cached = versions.get(version);
        if (cached != null) {
            return cached;
        }
        TemplateSet set;
        if (version == SHIPPED) {
            set = new TemplateSet(SHIPPED, shipped(), "系统预置 shipped defaults", null, null);
        } else {
            TemplateVersion v = stored.findByIdOptional(version)
                    .orElseThrow(() -> ApiException.notFound("里程碑模板版本 (milestone template version)", version));
            set = new TemplateSet(v.version(), parse(v.templates()), v.comment(), v.createdBy(), v.createdAt());
        }
        versions.put(version, set);
        return set;
    }

    /** Writes the next version: 400/422 when invalid ({@link TemplateRules}), 428 without If-Match, 409 stale. */
    @Transactional
    public TemplateSet save(TemplatesRequest body, String actor, String ifMatch) {
        TemplateRules.check(body);
        int current = stored.current();
        IfMatch.check(ifMatch, current, true, "里程碑模板");
        int next = current + 1;
        String comment = body.comment() == null || body.comment().isBlank() ? null : body.comment().strip();
        if (!stored.insert(next, write(body.templates()), comment, actor, today.now())) {
            throw ApiException.conflict("stale-version", "里程碑模板刚被他人修改为版本 " + next + "，请重新读取后再提交 (stale version)");
        }
        return version(next);
    }

    private List<Template> shipped() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(DEFAULTS)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULTS + " missing");
            }
            List<Template> templates = List.copyOf(json.readValue(in, TEMPLATES));
            try {
                TemplateRules.check(new TemplatesRequest(templates, null));
            } catch (ApiException e) {
                // a broken default is a defect of the build, never the caller's error
                throw new IllegalStateException(DEFAULTS + " breaks the template rules: " + e.getMessage(), e);
            }
            return templates;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Template> parse(String text) {
        try {
            return List.copyOf(json.readValue(text, TEMPLATES));
        } catch (IOException e) {
            throw new IllegalStateException("stored milestone templates unreadable", e);
        }
    }

    private String write(List<Template> templates) {
        try {
            return json.writeValueAsString(templates);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
