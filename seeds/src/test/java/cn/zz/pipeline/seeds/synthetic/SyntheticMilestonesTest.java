package cn.zz.pipeline.seeds.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zz.pipeline.events.EventCodec;
import cn.zz.pipeline.events.EventEnvelope;
import cn.zz.pipeline.events.Stage;
import cn.zz.pipeline.events.project.MilestoneNode;
import cn.zz.pipeline.events.project.MilestonesSet;
import java.time.LocalDate;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SyntheticMilestonesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

    @Test
    void aboutHalfThePlansMostlyGreenSomeYellowAndRedValidAndRepeatable() throws Exception {
        Generator g = new Generator(42, TODAY);
        Map<String, Integer> lights = new TreeMap<>();
        int planned = 0;
        int n = 5_000;
        for (int i = 0; i < n; i++) {
            SyntheticProject p = g.project(i);
            Optional<MilestonesSet> plan = SyntheticMilestones.plan(g, p);
            List<EventEnvelope> events = SyntheticMilestones.envelopes(g, p);
            assertThat(events).hasSize(p.eventCount() + (plan.isPresent() ? 1 : 0));
            if (plan.isEmpty()) {
                continue;
            }
            planned++;
            assertThat(p.stage()).isNotEqualTo(Stage.WITHDRAWN);
            assertThat(plan).isEqualTo(SyntheticMilestones.plan(new Generator(42, TODAY), p));
            EventEnvelope last = events.get(events.size() - 1);
            assertThat(last.sequence()).isEqualTo(p.eventCount() + 1);
            // valid against its JSON Schema
            assertThat(EventCodec.read(EventCodec.write(last)).data()).isEqualTo(plan.get());
            List<MilestoneNode> nodes = plan.get().nodes();
            for (int k = 1; k < nodes.size(); k++) {
                assertThat(nodes.get(k).planned()).isAfterOrEqualTo(nodes.get(k - 1).planned());
            }
            assertThat(nodes).allMatch(x -> x.actual() == null || x.actual().isBefore(TODAY));
            // the platform's rule, at-risk days 7 (seeds does not depend on the platform)
            boolean red = nodes.stream().anyMatch(x -> x.actual() == null && x.planned().isBefore(TODAY));
            boolean yellow = nodes.stream().anyMatch(x -> x.actual() == null && !x.planned().isAfter(TODAY.plusDays(7)));
            lights.merge(red ? "RED" : yellow ? "YELLOW" : "GREEN", 1, Integer::sum);
        }
        assertThat(planned).isBetween(n * 35 / 100, n * 55 / 100);
        assertThat(lights.get("GREEN")).isGreaterThan(planned / 2);
        assertThat(lights.get("YELLOW")).isPositive();
        assertThat(lights.get("RED")).isPositive();
        System.out.printf("synthetic plans: %d of %d projects, lights %s%n", planned, n, lights);
    }
}
