package cn.zz.pipeline.events.project;

import cn.zz.pipeline.events.EventPayload;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A project owing a monthly figure had none for the period 1-N月 when the period's deadline passed (逾期未报); emitted
 * once per project and period, by the service that owns the figures.
 *
 * @param period {@code yyyy-MM}, the period's last month (never January: January folds into 1-2月)
 * @param deadline the last day the figure was due
 * @param escalatedTo the project's assigned leader, null when none is assigned
 */
public record InvestmentOverdue(UUID projectId, String code, String district, String period, LocalDate deadline,
                                String escalatedTo) implements EventPayload {
}
