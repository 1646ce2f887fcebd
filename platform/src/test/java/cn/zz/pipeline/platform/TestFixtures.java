package cn.zz.pipeline.platform;

import cn.zz.pipeline.events.ConstructionType;
import cn.zz.pipeline.events.Sector;
import cn.zz.pipeline.events.Stage;
import cn.zz.pipeline.events.project.ProjectSnapshot;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

public final class TestFixtures {
    private TestFixtures() {
    }

    public static ProjectSnapshot snapshot(UUID id, String name) {
        return new ProjectSnapshot(id, "2025-410106-01-01-000017", name, "河南奥克斯智能电气有限公司",
                "91410100MA44XXXX1X", "410106", "先进制造业开发区", "智能家电", "C3851", Sector.SECONDARY,
                ConstructionType.NEW, "01", new BigDecimal("65000"), new BigDecimal("120"), new BigDecimal("80000"),
                new BigDecimal("4000"), true, null, true, LocalDate.of(2025, 3, 1), LocalDate.of(2026, 12, 31),
                Stage.RESERVE, null, List.of());
    }
}
