package cn.zz.pipeline.testsupport;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which test class owns which district, for the tests of every module in one table. The tests of a module share one
 * database; a test that counts what a district holds (serials, totals, funnels, ledgers) must own the district, so that
 * no other test of its module writes there. Tests that only look at their own projects use the demo staff's districts
 * ({@link #SHANGJIE}, {@link #XINZHENG}), which nobody owns.
 *
 * <p>A new counting test adds its row here and takes its district from {@link #of}; a district owned twice within one
 * module fails every test of that module at once (class initialisation), naming both owners.
 */
public final class TestDistricts {

    /** 上街区: staff.shangjie and leader.shangjie; shared, never owned. */
    public static final String SHANGJIE = "410106";
    /** 新郑市: staff.xinzheng; shared, never owned. */
    public static final String XINZHENG = "410184";

    /** Test class name → the districts it owns, in the order {@link #of} hands them out. */
    private static final Map<String, List<String>> OWNED = new LinkedHashMap<>();

    static {
        // project-service
        own("cn.zz.pipeline.project.InvestmentOverdueScanTest", "410105"); // 金水: deadline day 30 in tests
        own("cn.zz.pipeline.project.RegistrationTest", "410181");        // counts 巩义's serials from 1
        own("cn.zz.pipeline.project.HistoricalImportTest", "410182",      // serials of imported codes
                "410102", "410103", "410104", "410108", "410122", "410171", "410172", "410173"); // synthetic imports
        own("cn.zz.pipeline.project.LedgerImportTest", "410183");        // serials allocated by an import
        own("cn.zz.pipeline.project.LifecycleTest", "410185");           // 登封: min-total-investment 1000 in tests
        // approval-service
        own("cn.zz.pipeline.approval.cases.DistrictScopeTest", "410181"); // a city user's lists narrowed to 巩义
        // reporting-service
        own("cn.zz.pipeline.reporting.InvestmentReportTest", "410102", "410103"); // with 上街 (2022/2023 only)
        own("cn.zz.pipeline.reporting.DashboardBrowserTest", "410104", "410105");
        own("cn.zz.pipeline.reporting.UnreportedTest", "410108");         // 惠济: deadline day 30 in tests
        own("cn.zz.pipeline.reporting.PipelineReportTest", "410122");
        own("cn.zz.pipeline.reporting.OperationsReportTest", "410171", "410172", "410173");
        own("cn.zz.pipeline.reporting.Oc4idsExportTest", "410182");
        own("cn.zz.pipeline.reporting.LedgerTest", "410181", "410183");
        own("cn.zz.pipeline.reporting.RebuildTest", "410185");
        check();
    }

    private TestDistricts() {
    }

    /** The first district {@code test} owns. */
    public static String of(Class<?> test) {
        return all(test).get(0);
    }

    /** Every district {@code test} owns. */
    public static List<String> all(Class<?> test) {
        List<String> owned = OWNED.get(test.getName());
        if (owned == null) {
            throw new IllegalStateException(test.getName() + " owns no district: add its row to TestDistricts");
        }
        return owned;
    }

    private static void own(String testClass, String... districts) {
        OWNED.put(testClass, List.of(districts));
    }

    /**
     * Within one module (the tests of {@code cn.zz.pipeline.<module>}, whatever their sub-package), a district has at
     * most one owner and the shared ones none.
     */
    private static void check() {
        Map<String, String> owner = new HashMap<>();
        List<String> clashes = new ArrayList<>();
        OWNED.forEach((test, districts) -> {
            String module = String.join(".", java.util.Arrays.asList(test.split("\\.")).subList(0, 4));
            for (String d : districts) {
                if (d.equals(SHANGJIE) || d.equals(XINZHENG)) {
                    clashes.add(test + " owns " + d + ", a shared demo staff district");
                }
                String before = owner.putIfAbsent(module + "/" + d, test);
                if (before != null) {
                    clashes.add(d + " is owned by both " + before + " and " + test);
                }
            }
        });
        if (!clashes.isEmpty()) {
            throw new IllegalStateException("TestDistricts: " + String.join("; ", clashes));
        }
    }
}
