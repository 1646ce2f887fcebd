package cn.zz.pipeline.project.lifecycle;

import cn.zz.pipeline.events.Stage;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The moves of the project lifecycle 储备 → 申报 → 入库 → 开工 → 投产, 撤销 from any stage before 投产. The way back from
 * 申报 to 储备 is not a staff move: it follows a rejected approval case.
 */
public final class Lifecycle {

    private static final Map<Stage, Set<Stage>> STAFF_MOVES = Map.of(
            Stage.RESERVE, EnumSet.of(Stage.DECLARED, Stage.WITHDRAWN),
            Stage.DECLARED, EnumSet.of(Stage.ADMITTED, Stage.WITHDRAWN),
            Stage.ADMITTED, EnumSet.of(Stage.STARTED, Stage.WITHDRAWN),
            Stage.STARTED, EnumSet.of(Stage.IN_PRODUCTION, Stage.WITHDRAWN),
            Stage.IN_PRODUCTION, EnumSet.noneOf(Stage.class),
            Stage.WITHDRAWN, EnumSet.noneOf(Stage.class));

    private Lifecycle() {
    }

    public static boolean staffMay(Stage from, Stage to) {
        return STAFF_MOVES.get(from).contains(to);
    }

    public static Set<Stage> staffMovesFrom(Stage from) {
        return STAFF_MOVES.get(from);
    }

    /** 先入库，后有数: only admitted projects (and later stages) report completed investment. */
    public static boolean countsInvestment(Stage stage) {
        return stage == Stage.ADMITTED || stage == Stage.STARTED || stage == Stage.IN_PRODUCTION;
    }

    /** A withdrawn project is closed: its facts, problems and assignment no longer change. */
    public static boolean closed(Stage stage) {
        return stage == Stage.WITHDRAWN;
    }
}
