package cn.zz.pipeline.seeds.synthetic;

import java.util.UUID;

/**
 * SplitMix64: a small deterministic generator of our own, so that a seed gives the same projects on every JVM
 * (java.util.SplittableRandom does not promise its algorithm). Transcendental functions go through StrictMath for
 * the same reason: Math may differ in the last bit between JVMs and platforms.
 */
final class Rng {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private long state;
    private double spareGaussian = Double.NaN;

    /** A stream for one (seed, index, purpose): independent of every other index, so slices need no prefix. */
    Rng(long seed, long index, long purpose) {
        this.state = mix(mix(seed ^ purpose * GOLDEN) + index * GOLDEN);
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A version-4-shaped UUID that is a pure function of its inputs. */
    static UUID uuid(long seed, long index, long purpose) {
        long hi = mix(mix(seed ^ purpose * GOLDEN) + index * GOLDEN);
        long lo = mix(hi + GOLDEN);
        hi = (hi & ~0xF000L) | 0x4000L;
        lo = (lo & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(hi, lo);
    }

    long nextLong() {
        state += GOLDEN;
        return mix(state);
    }

    /** Uniform in [0, 1) with 53 random bits. */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    double uniform(double lo, double hi) {
        return lo + (hi - lo) * nextDouble();
    }

    /** Uniform in [0, n); the tiny modulo bias is irrelevant for synthetic data. */
    int nextInt(int n) {
        return (int) ((nextLong() >>> 1) % n);
    }

    boolean chance(double p) {
        return nextDouble() < p;
    }

    /** Standard normal (Box-Muller, both values used). */
    double gaussian() {
        if (!Double.isNaN(spareGaussian)) {
            double g = spareGaussian;
            spareGaussian = Double.NaN;
            return g;
        }
        double u1 = 1.0 - nextDouble(); // (0, 1]: log stays finite
        double u2 = nextDouble();
        double r = StrictMath.sqrt(-2.0 * StrictMath.log(u1));
        double a = 2.0 * StrictMath.PI * u2;
        spareGaussian = r * StrictMath.sin(a);
        return r * StrictMath.cos(a);
    }

    /** Log-normal with the given median and log-space standard deviation. */
    double logNormal(double median, double sigma) {
        return median * StrictMath.exp(sigma * gaussian());
    }

    /** A log-normal number of days, clamped to [lo, hi]. */
    int days(double median, double sigma, int lo, int hi) {
        long d = StrictMath.round(logNormal(median, sigma));
        return (int) Math.max(lo, Math.min(hi, d));
    }

    /** Index picked by weight; cumulative holds running sums, the last being the total. */
    int pick(double[] cumulative) {
        double u = nextDouble() * cumulative[cumulative.length - 1];
        for (int i = 0; i < cumulative.length - 1; i++) {
            if (u < cumulative[i]) {
                return i;
            }
        }
        return cumulative.length - 1;
    }

    <T> T of(T[] items) {
        return items[nextInt(items.length)];
    }

    static double[] cumulative(double... weights) {
        double[] c = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            c[i] = sum;
        }
        return c;
    }
}
