package cn.zz.pipeline.approval.rules;

import cn.zz.pipeline.approval.calendar.DayCount;

/**
 * One row of the rule table: a department's approval item, its statutory time limit and when it is required.
 *
 * @param item item code, e.g. LAND_PRE_APPROVAL
 * @param itemName Chinese name shown to users, e.g. 用地预审与选址意见书
 * @param timeLimit statutory time limit (法定时限) in {@code dayCount} days
 * @param when null or empty: every project
 */
public record Rule(String department, String item, String itemName, Integer timeLimit, DayCount dayCount,
                   Condition when) {

    public Condition condition() {
        return when == null ? Condition.ALWAYS : when;
    }
}
