package cn.zz.pipeline.project.materials;

import cn.zz.pipeline.events.Stage;
import cn.zz.pipeline.events.project.MaterialAdded;
import cn.zz.pipeline.events.project.MaterialRemoved;
import cn.zz.pipeline.platform.problem.ApiException;
import cn.zz.pipeline.platform.security.CurrentUser;
import cn.zz.pipeline.platform.time.Today;
import cn.zz.pipeline.project.lifecycle.Change;
import cn.zz.pipeline.project.lifecycle.ChangeLog;
import cn.zz.pipeline.project.lifecycle.Project;
import cn.zz.pipeline.project.lifecycle.ProjectRepository;
import cn.zz.pipeline.project.lifecycle.ProjectService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The transactions of 入库资料: each changes the project (version, history row, event in the outbox) together with
 * the material's row. {@link MaterialService} puts and deletes the objects around them.
 */
@ApplicationScoped
public class MaterialWrites {

    @Inject
    ProjectRepository projects;

    @Inject
    MaterialRepository materials;

    @Inject
    ChangeLog changes;

    @Inject
    Today today;

    /** Refuses early, before any byte goes to the store: 404, 403 outside the writer's district, 409 withdrawn. */
    @Transactional
    void requireWritable(UUID projectId, CurrentUser user) {
        ProjectService.requireOpen(projects.forWrite(projectId, null, user));
    }

    /** A stored material and its project after the change (its new version is the upload's ETag). */
    public record Added(Material material, Project project) {
    }

    /** The row and the project's change; 409 when {@code ifMatch} is stale (without it, concurrent uploads queue). */
    @Transactional
    Added add(UUID projectId, Material.Draft d, String ifMatch, CurrentUser user) {
        Project p = projects.forAddition(projectId, ifMatch, user);
        ProjectService.requireOpen(p);
        Instant now = today.now();
        Material m = d.toMaterial(p, user.name(), now);
        materials.persist(m);
        p.touch(now);
        MaterialAdded event = new MaterialAdded(p.id(), p.code(), p.district(), m.id(), m.kind(), m.name(), m.size(),
                m.sha256(), m.contentType(), m.takenOn(), user.name());
        changes.record(Change.of(p, event).by(user.name()).at(now).changing("materials").with(detail(m)));
        return new Added(m, p);
    }

    /** Deletes the row (the caller deletes the object after the commit); 409 once the project was admitted (入库). */
    @Transactional
    Material remove(UUID projectId, UUID materialId, String ifMatch, CurrentUser user) {
        Project p = projects.forAddition(projectId, ifMatch, user);
        Material m = find(p, materialId);
        if (p.stage() != Stage.RESERVE && p.stage() != Stage.DECLARED) {
            throw ApiException.conflict("material-locked", "项目已" + p.stage().label() + "，入库资料不能再删除"
                    + " (materials can be deleted only before 入库; the project is " + p.stage() + ")");
        }
        materials.delete(m);
        Instant now = today.now();
        p.touch(now);
        MaterialRemoved event = new MaterialRemoved(p.id(), p.code(), p.district(), m.id(), m.kind(), user.name());
        changes.record(Change.of(p, event).by(user.name()).at(now).changing("materials").with(detail(m)));
        return m;
    }

    /** A material of this project, or 404 (also for a material of another project). */
    Material find(Project p, UUID materialId) {
        return materials.findByIdOptional(materialId).filter(m -> m.projectId().equals(p.id()))
                .orElseThrow(() -> ApiException.notFound("资料 material", materialId));
    }

    private static Map<String, Object> detail(Material m) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("materialId", m.id().toString());
        detail.put("kind", m.kind().name());
        detail.put("name", m.name());
        return detail;
    }
}
