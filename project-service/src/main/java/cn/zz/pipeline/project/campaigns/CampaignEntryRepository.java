package cn.zz.pipeline.project.campaigns;

import cn.zz.pipeline.events.CampaignList;
import cn.zz.pipeline.platform.persistence.Where;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The entries of 三个一批 campaigns: one project's entry in a campaign, and a campaign's entries within a scope. */
@ApplicationScoped
public class CampaignEntryRepository implements PanacheRepositoryBase<CampaignEntry, UUID> {

    /** In the order people read a campaign: 签约, 开工, 投产; within a list by district and project code. */
    private static final Comparator<CampaignEntry> ORDER = Comparator.comparing(CampaignEntry::list)
            .thenComparing(CampaignEntry::district).thenComparing(e -> e.project().code());

    public Optional<CampaignEntry> of(UUID campaignId, UUID projectId) {
        return find("campaignId = ?1 and projectId = ?2", campaignId, projectId).firstResultOptional();
    }

    /**
     * A campaign's entries, each with its project (fetched in the same query: code, name and stage are shown).
     *
     * @param region a district code or a prefix of one (4101 = the city); null: every region
     * @param list one list only; null: every list
     */
    public List<CampaignEntry> ofCampaign(UUID campaignId, String region, CampaignList list) {
        Where where = new Where().and("e.campaignId = :campaign", "campaign", campaignId)
                .and("e.district like :region", "region", region == null ? null : region + "%")
                .and("e.campaignList = :onList", "onList", list);
        return find("from CampaignEntry e join fetch e.project where " + where.query(), where.params()).list().stream()
                .sorted(ORDER).toList();
    }
}
