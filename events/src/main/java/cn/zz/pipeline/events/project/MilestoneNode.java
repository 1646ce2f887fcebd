package cn.zz.pipeline.events.project;

import java.time.LocalDate;

/**
 * One node of a project's milestone plan (倒排工期). Not a payload by itself.
 *
 * @param code the node's code; outside clients rely on {@code LAND} 拿地, {@code APPROVED} 并联审批完成,
 *     {@code START} 开工 and {@code PRODUCTION} 投产
 * @param name the node's Chinese name
 * @param planned the planned date
 * @param actual the date it was completed, null while open
 * @param source where the node's current dates came from
 * @param completion how the node completes
 */
public record MilestoneNode(String code, String name, LocalDate planned, LocalDate actual, Source source,
                            Completion completion) {

    /** Where a node's current dates came from. */
    public enum Source {
        /** planned by the template, backwards from the target start */
        TEMPLATE,
        /** planned or completed by hand */
        MANUAL,
        /** completed by the project's own event (approval, 开工, 投产) */
        EVENT
    }

    /** How a node completes. */
    public enum Completion {
        /** by the project's event only: 并联审批完成, 开工, 投产 */
        EVENT,
        /** by hand, by staff of the project's district */
        MANUAL
    }
}
