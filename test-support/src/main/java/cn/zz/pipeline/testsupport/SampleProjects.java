package cn.zz.pipeline.testsupport;

import cn.zz.pipeline.events.ConstructionType;
import cn.zz.pipeline.events.EiaCategory;
import cn.zz.pipeline.events.Sector;
import cn.zz.pipeline.events.Stage;
import cn.zz.pipeline.events.project.ProjectSnapshot;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Project snapshots for consumer tests, with facts from the source documents. */
public final class SampleProjects {

    private SampleProjects() {
    }

    public static ProjectSnapshot snapshot(UUID id, String name, String district, BigDecimal totalInvestment, Stage stage) {
        return new ProjectSnapshot(id, "2025-" + district + "-01-01-00001" + "0", name, "河南奥克斯智能电气有限公司",
                "91410100MA44XXXX1X", district, "先进制造业开发区", "智能家电", "C3851", Sector.SECONDARY,
                ConstructionType.NEW, "01", totalInvestment, new BigDecimal("120"), new BigDecimal("80000"),
                new BigDecimal("4000"), true, EiaCategory.REPORT_FORM, true, LocalDate.of(2025, 3, 1),
                LocalDate.of(2026, 12, 31), stage, null, List.of());
    }
}
