package cn.zz.pipeline.reporting.ledger;

import java.time.LocalDate;

/**
 * What a ledger is asked for. Each ledger uses the parts that apply to it.
 *
 * @param region district prefix (a district code, or a city prefix such as 4101); null for everything
 * @param year the statistics year (progress: this year's and the cumulative figures; admission: the months shown)
 * @param taskState procedures only: tasks in this state; null for all
 * @param overdue procedures only: only overdue tasks (true) or only those on time (false); null for all
 * @param today the date "overdue" and "days used" are counted against
 */
public record LedgerFilter(String region, int year, Labels.TaskState taskState, Boolean overdue, LocalDate today) {
}
