package cn.zz.pipeline.project.campaigns;

import cn.zz.pipeline.events.CampaignList;
import cn.zz.pipeline.project.lifecycle.Project;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A project on one list of a campaign; at most one entry per project and campaign (moving it changes its list).
 * Carries the project's district (which never changes), so a campaign's entries are filtered by scope without a join.
 */
@Entity
@Table(name = "campaign_entry")
public class CampaignEntry {

    @Id
    private UUID id;

    @Column(name = "campaign_id", nullable = false, updatable = false)
    private UUID campaignId;

    @Column(name = "project_id", nullable = false, updatable = false)
    private UUID projectId;

    /** Read only, for the campaign's page, which fetches each entry's project with it (code, name, stage). */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "project_id", insertable = false, updatable = false)
    private Project project;

    @Column(nullable = false, updatable = false)
    private String district;

    /** Not named {@code list} in Java: LIST is a keyword of the query language. */
    @Enumerated(EnumType.STRING)
    @Column(name = "list", nullable = false)
    private CampaignList campaignList;

    @Column(name = "set_at", nullable = false)
    private Instant setAt;

    @Column(name = "set_by", nullable = false)
    private String setBy;

    protected CampaignEntry() {
    }

    public CampaignEntry(Campaign campaign, Project project, CampaignList list, String actor, Instant now) {
        this.id = UUID.randomUUID();
        this.campaignId = campaign.id();
        this.projectId = project.id();
        this.project = project;
        this.district = project.district();
        this.campaignList = list;
        this.setAt = now;
        this.setBy = actor;
    }

    /** Puts the project on another list of the campaign; returns the list it stood on. */
    public CampaignList moveTo(CampaignList list, String actor, Instant now) {
        CampaignList before = campaignList;
        campaignList = list;
        setAt = now;
        setBy = actor;
        return before;
    }

    public UUID campaignId() {
        return campaignId;
    }

    public UUID projectId() {
        return projectId;
    }

    /** The project as fetched by the campaign's query (a lazy reference elsewhere: use only after such a fetch). */
    public Project project() {
        return project;
    }

    public String district() {
        return district;
    }

    public CampaignList list() {
        return campaignList;
    }

    public Instant setAt() {
        return setAt;
    }

    public String setBy() {
        return setBy;
    }
}
