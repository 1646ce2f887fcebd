package cn.zz.pipeline.project.campaigns;

import cn.zz.pipeline.platform.problem.ApiException;
import cn.zz.pipeline.platform.problem.Violation;
import cn.zz.pipeline.platform.time.Today;
import cn.zz.pipeline.project.Violations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import org.hibernate.exception.ConstraintViolationException;

import java.util.List;

/** Creating a 三个一批 campaign (admin): the only change a campaign ever sees. */
@ApplicationScoped
public class CampaignService {

    /** The unique constraint on the name (V3__campaigns.sql). */
    static final String NAME_UNIQUE = "campaign_name_unique";

    @Inject
    CampaignRepository campaigns;

    @Inject
    Today today;

    /**
     * @throws ApiException 400 listing every invalid field; 409 {@code campaign-exists} when the name is taken (also
     *     when a concurrent request took it first)
     */
    @Transactional
    public Campaign create(NewCampaign command, String actor) {
        List<Violation> violations = command.violations(today.date());
        if (!violations.isEmpty()) {
            throw Violations.invalid(violations);
        }
        campaigns.byName(command.name()).ifPresent(c -> {
            throw exists(command.name());
        });
        Campaign c = new Campaign(command.name(), command.dueDate(), actor, today.now());
        try {
            campaigns.persistAndFlush(c);
        } catch (PersistenceException e) {
            // Two admins creating the same name at once: the later insert waits for the first and then breaks the key.
            if (uniqueName(e)) {
                throw exists(command.name());
            }
            throw e;
        }
        return c;
    }

    private static boolean uniqueName(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException c && NAME_UNIQUE.equals(c.getConstraintName())) {
                return true;
            }
        }
        return false;
    }

    /** A name taken is a conflict with the campaign that has it, not bad input: 409, naming the field. */
    private static ApiException exists(String name) {
        String message = "已有同名的三个一批活动 (a campaign of this name exists)";
        return new ApiException(409, "campaign-exists", "冲突 Conflict", message + ": " + name,
                List.of(new Violation("name", "duplicate", message, name, null)));
    }
}
