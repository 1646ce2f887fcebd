package cn.zz.pipeline.project.campaigns;

import cn.zz.pipeline.events.CampaignList;
import cn.zz.pipeline.events.Decimals;
import cn.zz.pipeline.events.District;
import cn.zz.pipeline.events.Stage;
import cn.zz.pipeline.project.lifecycle.Project;
import cn.zz.pipeline.project.lifecycle.ProjectFacts;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A project on a list of a campaign, with what tells whether it is done: 签约 (signedOn), 开工 (startedOn), 投产
 * (productionOn). Whether it is done by the due date is reporting-service's campaign report.
 */
public record EntryView(
        @Schema(required = true, description = "活动编号 (campaign id)") UUID campaignId,
        @Schema(required = true, description = "项目编号 (project id)") UUID projectId,
        @Schema(required = true, description = "项目代码 (project code)", example = "2026-410106-01-01-00017X") String code,
        @Schema(required = true, description = "项目名称 (project name)") String name,
        @Schema(required = true, description = "区县代码 (district code)", example = "410106") String district,
        @Schema(required = true, description = "区县名称 (district name)", example = "上街区") String districtName,
        @Schema(required = true, description = "所在清单 (list): SIGN 签约一批, START 开工一批, PRODUCE 投产一批") CampaignList list,
        @Schema(required = true, description = "清单名称 (list label)", example = "开工一批") String listLabel,
        @Schema(required = true, description = "项目阶段 (stage)") Stage stage,
        @Schema(required = true, description = "阶段名称 (stage label)", example = "入库") String stageLabel,
        @Schema(nullable = true, format = "date", description = "签约日期 (signed on)") LocalDate signedOn,
        @Schema(nullable = true, description = "签约金额，万元 (signed amount, 10,000 yuan)") BigDecimal signedAmount,
        @Schema(nullable = true, format = "date", description = "实际开工日期 (started on)") LocalDate startedOn,
        @Schema(nullable = true, format = "date", description = "投产日期 (in production on)") LocalDate productionOn,
        @Schema(required = true, format = "date-time", description = "列入或调整清单的时间 (entered or moved at)") Instant setAt,
        @Schema(required = true, description = "列入或调整清单的人 (entered or moved by)") String setBy) {

    public static EntryView of(CampaignEntry e, Project p) {
        ProjectFacts f = p.facts();
        return new EntryView(e.campaignId(), p.id(), p.code(), f.name(), p.district(),
                District.byCode(p.district()).map(District::name).orElse(null), e.list(), e.list().label(), p.stage(),
                p.stage().label(), f.signedOn(), Decimals.canonical(f.signedAmount()), p.startedOn(),
                p.productionOn(), e.setAt(), e.setBy());
    }
}
