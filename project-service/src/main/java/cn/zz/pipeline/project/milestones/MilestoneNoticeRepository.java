package cn.zz.pipeline.project.milestones;

import cn.zz.pipeline.platform.time.MilestoneStatus;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.UUID;

/** The warnings the milestone scan has sent. */
@ApplicationScoped
public class MilestoneNoticeRepository implements PanacheRepositoryBase<MilestoneNotice, MilestoneNotice.Key> {

    public boolean sent(UUID projectId, String code, LocalDate planned, MilestoneStatus.Status state) {
        return findByIdOptional(new MilestoneNotice.Key(projectId, code, planned, state)).isPresent();
    }
}
