package cn.zz.pipeline.project.materials;

import cn.zz.pipeline.events.MaterialKind;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class MaterialRepository implements PanacheRepositoryBase<Material, UUID> {

    /** A project's materials, oldest first. */
    public List<Material> ofProject(UUID projectId) {
        return find("projectId = ?1 order by uploadedAt, id", projectId).list();
    }

    /** The kinds a project has at least one file of. */
    public Set<MaterialKind> kindsOf(UUID projectId) {
        return new HashSet<>(getEntityManager().createQuery(
                "select distinct m.kind from Material m where m.projectId = :p", MaterialKind.class)
                .setParameter("p", projectId).getResultList());
    }
}
