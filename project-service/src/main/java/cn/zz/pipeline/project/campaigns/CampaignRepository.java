package cn.zz.pipeline.project.campaigns;

import cn.zz.pipeline.platform.problem.ApiException;
import cn.zz.pipeline.platform.web.PageView;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** 三个一批 campaigns: one by id, one by name, the list newest first. */
@ApplicationScoped
public class CampaignRepository implements PanacheRepositoryBase<Campaign, UUID> {

    /** The campaign or 404. */
    public Campaign byId(UUID id) {
        return findByIdOptional(id).orElseThrow(() -> ApiException.notFound("三个一批活动 campaign", id));
    }

    public Optional<Campaign> byName(String name) {
        return find("name", name).firstResultOptional();
    }

    /** A page of campaigns, newest first. */
    public PageView<Campaign> page(int page, int size) {
        List<Campaign> items = findAll(Sort.descending("createdAt").and("id", Sort.Direction.Descending))
                .page(Page.of(page - 1, size)).list();
        return PageView.of(items, page, size, this::count);
    }
}
