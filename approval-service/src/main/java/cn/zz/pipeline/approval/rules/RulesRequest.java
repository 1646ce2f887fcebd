package cn.zz.pipeline.approval.rules;

import java.util.List;

/** A new version of the rule table: the whole table, replacing the current one. */
public record RulesRequest(List<Rule> rules, String comment) {
}
