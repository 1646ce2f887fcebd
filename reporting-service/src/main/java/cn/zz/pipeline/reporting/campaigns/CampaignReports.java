package cn.zz.pipeline.reporting.campaigns;

import cn.zz.pipeline.events.CampaignList;
import cn.zz.pipeline.events.Stage;
import cn.zz.pipeline.reporting.config.ReportingConfig;
import cn.zz.pipeline.reporting.jdbc.Db;
import cn.zz.pipeline.reporting.jdbc.Sql;
import cn.zz.pipeline.reporting.ledger.RowContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The 三个一批 read model (campaign, campaign_entry) joined with project_view: the campaigns known, and one
 * campaign's report. A campaign holds tens to hundreds of projects, so its entries are read whole and summed here,
 * by the rules of {@link CampaignRules}.
 */
@ApplicationScoped
public class CampaignReports {

    @Inject
    Db db;

    @Inject
    ReportingConfig config;

    record Campaign(UUID campaignId, String name, LocalDate dueDate) {
    }

    record Entry(UUID projectId, String code, String name, String district, CampaignList list, Stage stage,
                 BigDecimal totalInvestment, LocalDate signedOn, BigDecimal signedAmount, LocalDate startedOn,
                 LocalDate productionOn) {
    }

    /** Every campaign known, latest due date first, with how many of its projects lie within {@code scope}. */
    public List<CampaignSummary> campaigns(String scope) {
        // The scope joins the projects, not the campaigns: a campaign without projects here is listed with 0.
        return db.list(CampaignSummary.class, Sql.of("select c.campaign_id as id, c.name, c.due_date,"
                        + " count(p.project_id) as count from campaign c"
                        + " left join campaign_entry e on e.campaign_id = c.campaign_id"
                        + " left join project_view p on p.project_id = e.project_id").inScope("p.district", scope)
                .append(" group by c.campaign_id, c.name, c.due_date order by c.due_date desc, c.name, c.campaign_id"));
    }

    /** The campaign's report within {@code scope}; empty when no entry of the campaign has arrived. */
    public Optional<CampaignReport> report(UUID id, String scope) {
        return db.read(s -> {
            Optional<Campaign> campaign = s.first(Campaign.class,
                    Sql.of("select campaign_id, name, due_date from campaign where campaign_id = ?", id));
            if (campaign.isEmpty()) {
                return Optional.empty();
            }
            List<Entry> entries = s.list(Entry.class, Sql.of("select e.project_id, p.code, p.name, p.district, e.list,"
                    + " p.stage, p.total_investment, p.signed_on, p.signed_amount, p.started_on, p.production_on"
                    + " from campaign_entry e join project_view p on p.project_id = e.project_id"
                    + " where e.campaign_id = ?", id).inScope("p.district", scope));
            return Optional.of(assemble(campaign.get(), scope, entries));
        });
    }

    private CampaignReport assemble(Campaign c, String scope, List<Entry> entries) {
        List<CampaignReport.ProjectRow> projects = new ArrayList<>(entries.size());
        Tally total = new Tally();
        Map<CampaignList, Tally> byList = new EnumMap<>(CampaignList.class);
        Map<String, Map<CampaignList, Tally>> byDistrict = new TreeMap<>();
        for (Entry e : entries) {
            LocalDate date = CampaignRules.relevantDate(e.list(), e.signedOn(), e.startedOn(), e.productionOn());
            boolean done = CampaignRules.done(date, c.dueDate());
            CampaignRules.AmountBasis basis = CampaignRules.basis(e.list(), e.signedAmount());
            BigDecimal amount = CampaignRules.amount(basis, e.signedAmount(), e.totalInvestment());
            total.add(amount, done, basis);
            byList.computeIfAbsent(e.list(), k -> new Tally()).add(amount, done, basis);
            byDistrict.computeIfAbsent(e.district(), k -> new EnumMap<>(CampaignList.class))
                    .computeIfAbsent(e.list(), k -> new Tally()).add(amount, done, basis);
            projects.add(new CampaignReport.ProjectRow(e.projectId(), e.code(), e.name(), e.district(),
                    config.districtLabel(e.district()), e.list(), e.list().label(), e.stage(), e.stage().label(), done,
                    date, CampaignRules.dateLabel(e.list()), RowContext.plain(amount), basis));
        }
        projects.sort(Comparator.comparing(CampaignReport.ProjectRow::list)
                .thenComparing(CampaignReport.ProjectRow::district).thenComparing(CampaignReport.ProjectRow::code));

        List<CampaignReport.DistrictFigures> districts = new ArrayList<>();
        for (Map.Entry<String, Map<CampaignList, Tally>> d : byDistrict.entrySet()) {
            Tally all = new Tally();
            d.getValue().values().forEach(all::add);
            districts.add(new CampaignReport.DistrictFigures(d.getKey(), config.districtLabel(d.getKey()), 0,
                    all.count, RowContext.plain(all.amount), all.done, CampaignRules.rate(all.done, all.count),
                    lists(d.getValue())));
        }
        return new CampaignReport(c.campaignId(), c.name(), c.dueDate(), scope, total.figures(), lists(byList),
                ranked(districts), projects);
    }

    /** Every list, in the campaign's order, empty ones included. */
    private static List<CampaignReport.ListFigures> lists(Map<CampaignList, Tally> tallies) {
        List<CampaignReport.ListFigures> out = new ArrayList<>();
        for (CampaignList list : CampaignList.values()) {
            Tally t = tallies.getOrDefault(list, new Tally());
            out.add(new CampaignReport.ListFigures(list, list.label(), CampaignRules.dateLabel(list), t.count,
                    RowContext.plain(t.amount), t.signed, t.done, CampaignRules.rate(t.done, t.count)));
        }
        return out;
    }

    /**
     * Highest rate first; a rank is 1 + the districts with a higher rate, so equal rates share it. Among equals,
     * more projects done first, then by district code.
     */
    static List<CampaignReport.DistrictFigures> ranked(List<CampaignReport.DistrictFigures> districts) {
        List<CampaignReport.DistrictFigures> sorted = new ArrayList<>(districts);
        sorted.sort(Comparator.comparing(CampaignReport.DistrictFigures::rate, Comparator.reverseOrder())
                .thenComparing(CampaignReport.DistrictFigures::done, Comparator.reverseOrder())
                .thenComparing(CampaignReport.DistrictFigures::district));
        List<CampaignReport.DistrictFigures> out = new ArrayList<>(sorted.size());
        for (CampaignReport.DistrictFigures d : sorted) {
            int rank = 1 + (int) sorted.stream().filter(o -> o.rate().compareTo(d.rate()) > 0).count();
            out.add(new CampaignReport.DistrictFigures(d.district(), d.label(), rank, d.count(), d.amount(), d.done(),
                    d.rate(), d.lists()));
        }
        return out;
    }

    /** Count, amount, done and signed amounts of a group, as entries are added. */
    private static final class Tally {
        long count;
        long done;
        long signed;
        BigDecimal amount = BigDecimal.ZERO;

        void add(BigDecimal value, boolean isDone, CampaignRules.AmountBasis basis) {
            count++;
            done += isDone ? 1 : 0;
            signed += basis == CampaignRules.AmountBasis.SIGNED ? 1 : 0;
            amount = amount.add(value);
        }

        void add(Tally other) {
            count += other.count;
            done += other.done;
            signed += other.signed;
            amount = amount.add(other.amount);
        }

        CampaignReport.Figures figures() {
            return new CampaignReport.Figures(count, RowContext.plain(amount), done, CampaignRules.rate(done, count));
        }
    }
}
