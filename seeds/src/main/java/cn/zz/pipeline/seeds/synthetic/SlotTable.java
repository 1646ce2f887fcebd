package cn.zz.pipeline.seeds.synthetic;

import cn.zz.pipeline.events.Stage;
import cn.zz.pipeline.seeds.synthetic.Catalog.District;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the synthetic projects fall: the district, final stage, registration year and serial of every project index.
 * A table of {@value #SLOTS} slots per cycle (cycle = index / SLOTS) is filled in proportion to the district weights,
 * the stage mix and each stage's registration age, then shuffled per cycle with the seed. The table is what keeps
 * project codes unique without a shared counter: the serial of a slot is its rank among the slots of its (district,
 * year) in earlier cycles and in its own.
 */
final class SlotTable {

    static final int SLOTS = 100_000;
    /** Serials start above this, leaving the lower ones to seed data and live registrations of the same years. */
    static final int SERIAL_BASE = 10_000;
    static final int MAX_SERIAL = 99_999;

    static final Stage[] STAGES = {Stage.RESERVE, Stage.DECLARED, Stage.ADMITTED, Stage.STARTED,
        Stage.IN_PRODUCTION, Stage.WITHDRAWN};
    /** Stage mix of a district's pipeline: most admitted projects are under construction. */
    static final double[] STAGE_SHARES = {0.15, 0.08, 0.12, 0.50, 0.12, 0.03};
    /**
     * Registration age per final stage, in days: minimum, median of the excess over it (log-normal), log sigma,
     * maximum. A project in production was registered years ago, one in the reserve pool months ago.
     */
    private static final double[][] AGE = {
        {0, 90, 1.0, 1095}, {3, 120, 0.8, 1095}, {10, 200, 0.7, 1460}, {20, 420, 0.55, 2190},
        {120, 1000, 0.5, 3650}, {10, 420, 0.8, 2920}};
    private static final int MAX_AGE = 3650;
    static final int YEARS = 11; // registration years: last year's year − 10 .. last year's year
    private static final long CYCLE = 3; // the random stream of a cycle's shuffle

    /** A project's place: indexes into the district catalogue, {@link #STAGES} and the years, and its serial. */
    record Slot(int district, int stage, int year, int serial) {
    }

    private final long seed;
    private final LocalDate lastDay;
    private final int firstYear;
    /** Per stage: cumulative weight of registration ages 0..MAX_AGE days before lastDay. */
    private final double[][] ageCdf = new double[STAGES.length][];
    private final int[] slotBuckets;
    private final int[] groupSizes;
    private final long capacity;
    private final Map<Long, Cycle> cycles = new ConcurrentHashMap<>();

    /** @param lastDay the last day a project may have been registered (the day before the data's "today") */
    SlotTable(long seed, LocalDate lastDay) {
        this.seed = seed;
        this.lastDay = lastDay;
        this.firstYear = lastDay.getYear() - (YEARS - 1);
        for (int s = 0; s < STAGES.length; s++) {
            ageCdf[s] = ageCdf(AGE[s]);
        }
        this.slotBuckets = slots();
        this.groupSizes = new int[Catalog.DISTRICTS.length * YEARS];
        for (int b : slotBuckets) {
            groupSizes[group(b)]++;
        }
        int largest = 0;
        for (int g : groupSizes) {
            largest = Math.max(largest, g);
        }
        this.capacity = (long) ((MAX_SERIAL - SERIAL_BASE) / largest) * SLOTS;
    }

    /** How many projects fit before a (district, year) runs out of 5-digit serials. */
    long capacity() {
        return capacity;
    }

    int firstYear() {
        return firstYear;
    }

    /** The place of project {@code index}. */
    Slot slot(long index) {
        if (index < 0 || index >= capacity) {
            throw new IllegalArgumentException("project index " + index + " outside 0.." + (capacity - 1)
                    + " (5-digit serials per district and year run out)");
        }
        long c = index / SLOTS;
        int k = (int) (index % SLOTS);
        Cycle cycle = cycle(c);
        int b = cycle.buckets()[k];
        int serial = SERIAL_BASE + 1 + (int) (c * groupSizes[group(b)]) + cycle.ranks()[k];
        return new Slot(b / YEARS / STAGES.length, b / YEARS % STAGES.length, b % YEARS, serial);
    }


    private static int bucket(int district, int stage, int year) {
        return (district * STAGES.length + stage) * YEARS + year;
    }

    private static int group(int bucket) {
        int year = bucket % YEARS;
        int district = bucket / YEARS / STAGES.length;
        return district * YEARS + year;
    }

    private double[] ageCdf(double[] profile) {
        int min = (int) profile[0];
        int max = (int) profile[3];
        double median = profile[1];
        double sigma = profile[2];
        double[] cdf = new double[MAX_AGE + 1];
        double sum = 0;
        for (int a = 0; a <= MAX_AGE; a++) {
            if (a >= min && a <= max) {
                double x = a - min + 0.5;
                double z = (StrictMath.log(x) - StrictMath.log(median)) / sigma;
                sum += StrictMath.exp(-0.5 * z * z) / x;
            }
            cdf[a] = sum;
        }
        return cdf;
    }

    /** Registration ages [lo, hi] (days before lastDay) that fall in year index y, or null when none. */
    private int[] ages(int y) {
        LocalDate first = LocalDate.of(firstYear + y, 1, 1);
        LocalDate last = LocalDate.of(firstYear + y, 12, 31);
        long end = lastDay.toEpochDay();
        int lo = (int) Math.max(0, end - Math.min(last.toEpochDay(), end));
        int hi = (int) Math.min(MAX_AGE, end - first.toEpochDay());
        return lo > hi ? null : new int[] {lo, hi};
    }

    private double weight(double[] cdf, int[] range) {
        return range == null ? 0 : cdf[range[1]] - (range[0] == 0 ? 0 : cdf[range[0] - 1]);
    }

    /** Bucket of every slot, in proportion to district × stage × P(year | stage); largest remainders round. */
    private int[] slots() {
        District[] districts = Catalog.DISTRICTS;
        double districtTotal = 0;
        for (District d : districts) {
            districtTotal += d.weight();
        }
        int n = districts.length * STAGES.length * YEARS;
        double[] exact = new double[n];
        for (int s = 0; s < STAGES.length; s++) {
            double[] cdf = ageCdf[s];
            double total = cdf[MAX_AGE];
            for (int y = 0; y < YEARS; y++) {
                double pYear = weight(cdf, ages(y)) / total;
                for (int d = 0; d < districts.length; d++) {
                    exact[bucket(d, s, y)] = SLOTS * districts[d].weight() / districtTotal * STAGE_SHARES[s] * pYear;
                }
            }
        }
        int[] counts = new int[n];
        int assigned = 0;
        for (int b = 0; b < n; b++) {
            counts[b] = (int) Math.floor(exact[b]);
            assigned += counts[b];
        }
        Integer[] order = new Integer[n];
        for (int b = 0; b < n; b++) {
            order[b] = b;
        }
        java.util.Arrays.sort(order, (x, y) -> {
            int c = Double.compare(exact[y] - counts[y], exact[x] - counts[x]);
            return c != 0 ? c : Integer.compare(x, y);
        });
        for (int k = 0; assigned < SLOTS; k++, assigned++) {
            counts[order[k % n]]++;
        }
        int[] slots = new int[SLOTS];
        int k = 0;
        for (int b = 0; b < n; b++) {
            for (int c = 0; c < counts[b]; c++) {
                slots[k++] = b;
            }
        }
        return slots;
    }

    /** One cycle's shuffled slots and each slot's rank within its (district, year). */
    private record Cycle(int[] buckets, int[] ranks) {
    }

    private Cycle cycle(long c) {
        return cycles.computeIfAbsent(c, key -> {
            int[] b = slotBuckets.clone();
            Rng r = new Rng(seed, key, CYCLE);
            for (int i = b.length - 1; i > 0; i--) {
                int j = r.nextInt(i + 1);
                int t = b[i];
                b[i] = b[j];
                b[j] = t;
            }
            int[] seen = new int[groupSizes.length];
            int[] ranks = new int[b.length];
            for (int i = 0; i < b.length; i++) {
                ranks[i] = seen[group(b[i])]++;
            }
            return new Cycle(b, ranks);
        });
    }

    /** A registration age (days before lastDay) within year index y, drawn from the project's stream. */
    int registrationAge(Rng r, int stage, int y) {
        double[] cdf = ageCdf[stage];
        int[] range = ages(y);
        double lo = range[0] == 0 ? 0 : cdf[range[0] - 1];
        double u = lo + r.nextDouble() * (cdf[range[1]] - lo);
        int a = range[0];
        int b = range[1];
        while (a < b) { // first age whose cumulative weight exceeds u
            int m = (a + b) >>> 1;
            if (cdf[m] > u) {
                b = m;
            } else {
                a = m + 1;
            }
        }
        return a;
    }
}
