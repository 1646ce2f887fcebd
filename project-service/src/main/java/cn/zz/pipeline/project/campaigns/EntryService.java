package cn.zz.pipeline.project.campaigns;

import cn.zz.pipeline.events.CampaignList;
import cn.zz.pipeline.events.project.CampaignEntryRemoved;
import cn.zz.pipeline.events.project.CampaignEntrySet;
import cn.zz.pipeline.platform.problem.ApiException;
import cn.zz.pipeline.platform.problem.Violation;
import cn.zz.pipeline.platform.security.CurrentUser;
import cn.zz.pipeline.platform.time.Today;
import cn.zz.pipeline.project.lifecycle.Change;
import cn.zz.pipeline.project.lifecycle.ChangeLog;
import cn.zz.pipeline.project.lifecycle.Lifecycle;
import cn.zz.pipeline.project.lifecycle.Project;
import cn.zz.pipeline.project.lifecycle.ProjectRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Entering a project on a list of a campaign, moving it to another list, taking it out. Each change is a change of
 * the project: its version rises, a history row (action campaign-entry-set / campaign-entry-removed, changed field
 * {@code campaigns}) and the event go through {@link ChangeLog}. Staff of the project's district, admin anywhere.
 */
@ApplicationScoped
public class EntryService {

    @Inject
    CampaignRepository campaigns;

    @Inject
    CampaignEntryRepository entries;

    @Inject
    ProjectRepository projects;

    @Inject
    ChangeLog changes;

    @Inject
    Today today;

    /** The entry as it stands after the command, and the project (whose version is the answer's ETag). */
    public record Outcome(CampaignEntry entry, Project project) {
    }

    /**
     * Puts the project on {@code list}; the same list again changes nothing (no version, no event).
     *
     * @throws ApiException 404 unknown campaign or project, 403 outside the writer's district, 409 stale If-Match or
     *     a concurrent change of the project, 422 {@code project-withdrawn}
     */
    @Transactional
    public Outcome set(UUID campaignId, UUID projectId, CampaignList list, String ifMatch, CurrentUser user) {
        Campaign c = campaigns.byId(campaignId);
        Project p = projects.forWrite(projectId, ifMatch, user);
        if (Lifecycle.closed(p.stage())) {
            String message = "项目已撤销，不能列入三个一批 (a withdrawn project cannot be entered)";
            throw ApiException.unprocessable("project-withdrawn", "项目已撤销 Project withdrawn", message,
                    List.of(new Violation("projectId", "project-withdrawn", message, p.id().toString(), null)));
        }
        Optional<CampaignEntry> existing = entries.of(c.id(), p.id());
        if (existing.isPresent() && existing.get().list() == list) {
            projects.requireCurrent(p.id(), ifMatch);
            return new Outcome(existing.get(), p);
        }
        Instant now = today.now();
        String actor = user.name();
        p.touch(now);
        // The project row first: of two concurrent writers of this project the later one fails here with 409, before
        // its entry insert could wait on the first one's key and break it.
        projects.flush();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("campaignId", c.id().toString());
        detail.put("campaignName", c.name());
        detail.put("list", list.name());
        CampaignEntry entry;
        if (existing.isPresent()) {
            entry = existing.get();
            detail.put("previousList", entry.moveTo(list, actor, now).name());
        } else {
            entry = new CampaignEntry(c, p, list, actor, now);
            entries.persist(entry);
        }
        CampaignEntrySet event = new CampaignEntrySet(p.id(), p.code(), p.district(), c.id(), c.name(), c.dueDate(),
                list, actor);
        changes.record(Change.of(p, event).by(actor).at(now).changing("campaigns").with(detail));
        return new Outcome(entry, p);
    }

    /**
     * Takes the project out of the campaign (also a withdrawn one: that tidies the lists).
     *
     * @return the project after the change
     * @throws ApiException 404 unknown campaign or project, or the project is not in the campaign; 403; 409
     */
    @Transactional
    public Project remove(UUID campaignId, UUID projectId, String ifMatch, CurrentUser user) {
        Campaign c = campaigns.byId(campaignId);
        Project p = projects.forWrite(projectId, ifMatch, user);
        CampaignEntry entry = entries.of(c.id(), p.id()).orElseThrow(() -> new ApiException(404, "not-in-campaign",
                "未找到 Not found", "项目不在该三个一批活动中 (the project is not in this campaign)", null));
        Instant now = today.now();
        String actor = user.name();
        p.touch(now);
        entries.delete(entry);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("campaignId", c.id().toString());
        detail.put("campaignName", c.name());
        detail.put("list", entry.list().name());
        changes.record(Change.of(p, new CampaignEntryRemoved(p.id(), c.id(), actor)).by(actor).at(now)
                .changing("campaigns").with(detail));
        return p;
    }
}
