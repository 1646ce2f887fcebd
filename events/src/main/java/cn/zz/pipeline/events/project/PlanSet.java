package cn.zz.pipeline.events.project;

import cn.zz.pipeline.events.Decimals;
import cn.zz.pipeline.events.EventPayload;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * A project's annual plan (年度计划投资) for one year was set, or corrected: the amount it is planned to invest in that
 * calendar year, 万元.
 *
 * @param previousAmount the plan this one replaces, null for the first plan of the year
 * @param reason why the plan was set or changed, nullable
 */
public record PlanSet(UUID projectId, String code, String district, int year, BigDecimal amount,
                      BigDecimal previousAmount, String reason, String actor) implements EventPayload {

    public PlanSet {
        amount = Decimals.canonical(amount);
        previousAmount = Decimals.canonical(previousAmount);
    }
}
