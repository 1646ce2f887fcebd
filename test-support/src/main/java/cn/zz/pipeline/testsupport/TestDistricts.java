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
 * module fails every test of that module at once (class initialisation), naming both owners. Two tests may share a
 * district when each owns it only for years of its own ({@link #ownYears}): all of a test's events there fall in its
 * years and it reads nothing else.
 */
public final class TestDistricts {

    /** 上街区: staff.shangjie and leader.shangjie; shared, never owned. */
    public static final String SHANGJIE = "410106";
    /** 新郑市: staff.xinzheng; shared, never owned. */
    public static final String XINZHENG = "410184";

    /** Test class name → the districts it owns, in the order {@link #of} hands them out. */
    private static final Map<String, List<String>> OWNED = new LinkedHashMap<>();

    /** Test class name → the years it owns its districts for (both ends included); absent: every year. */
    private static final Map<String, int[]> YEARS = new HashMap<>();

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
        
        own("cn.zz.pipeline.reporting.PipelineReportTest", "410122");
        own("cn.zz.pipeline.reporting.OperationsReportTest", "410171", "410172", "410173");
        own("cn.zz.pipeline.reporting.Oc4idsExportTest", "410182");
        own("cn.zz.pipeline.reporting.LedgerTest", "410181", "410183");
        own("cn.zz.pipeline.reporting.RebuildTest", "410185");
        ownYears("cn.zz.pipeline.reporting.UnreportedTest", 2022, 2024, "410108"); // 惠济: deadline day 30 in tests
        ownYears("cn.zz.pipeline.reporting.CompletionReportTest", 2028, 2029, "410108"); // plans, targets of 2029
        ownYears("cn.zz.pipeline.reporting.WarningsTest", 2030, 2031, "410108"); // milestone plans, lights, 拿地即开工
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

    private static void ownYears(String testClass, int from, int to, String... districts) {
        own(testClass, districts);
        YEARS.put(testClass, new int[] {from, to});
    }

    private static boolean overlap(String test, String other) {
        int[] a = YEARS.getOrDefault(test, new int[] {Integer.MIN_VALUE, Integer.MAX_VALUE});
        int[] b = YEARS.getOrDefault(other, new int[] {Integer.MIN_VALUE, Integer.MAX_VALUE});
        return a[0] <= b[1] && b[0] <= a[1];
    }

    /**
     * Within one module (the tests of {@code cn.zz.pipeline.<module>}, whatever their sub-package), a district has at
     * most one owner and the shared ones none.
     */
    private static void check() {
        Map<String, List<String>> owners = new HashMap<>();
        List<String> clashes = new ArrayList<>();
        OWNED.forEach((test, districts) -> {
            String module = String.join(".", java.util.Arrays.asList(test.split("\\.")).subList(0, 4));
            for (String d : districts) {
                if (d.equals(SHANGJIE) || d.equals(XINZHENG)) {
                    clashes.add(test + " owns " + d + ", a shared demo staff district");
                }
                List<String> before = owners.computeIfAbsent(module + "/" + d, k -> new ArrayList<>());
                before.stream().filter(other -> overlap(test, other))
                        .forEach(other -> clashes.add(d + " is owned by both " + other + " and " + test));
                before.add(test);
            }
        });
        if (!clashes.isEmpty()) {
            throw new IllegalStateException("TestDistricts: " + String.join("; ", clashes));
        }
    }
}
