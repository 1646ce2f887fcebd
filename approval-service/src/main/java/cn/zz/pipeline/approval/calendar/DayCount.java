package cn.zz.pipeline.approval.calendar;

/** How a statutory time limit counts its days. */
public enum DayCount {
    /** 工作日: only working days count; the due date is the n-th working day after the start. */
    WORKING,
    /** 自然日: every day counts; a due date that falls on a day off moves to the next working day. */
    CALENDAR
}
