package com.zava.retail.benchmarks;

import java.util.Locale;

/** How numbers look in the report: a few significant digits, never a misleading precision. */
final class Numbers {

    private Numbers() {
    }

    static String ms(double millis) {
        if (Double.isNaN(millis)) {
            return "-";
        }
        if (millis < 10) {
            return String.format(Locale.ROOT, "%.2f", millis);
        }
        if (millis < 100) {
            return String.format(Locale.ROOT, "%.1f", millis);
        }
        return String.format(Locale.ROOT, "%.0f", millis);
    }

    /** CPU milliseconds per call: three decimals, as a cheap call costs a fraction of a millisecond. */
    static String cpuMs(double millis) {
        return Double.isNaN(millis) ? "-" : String.format(Locale.ROOT, "%.3f", millis);
    }

    static String ratio(double ratio) {
        return Double.isNaN(ratio) || Double.isInfinite(ratio) ? "-" : String.format(Locale.ROOT, "%.2f x", ratio);
    }

    static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%,.0f", perSecond);
    }

    static String count(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }

    static String mib(long kib) {
        return kib < 0 ? "-" : String.format(Locale.ROOT, "%.0f", kib / 1024.0);
    }

    static String seconds(java.time.Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s"
                : String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    /** Decimal megabytes, as the target is written. */
    static String mb(long kib) {
        return kib < 0 ? "-" : String.format(Locale.ROOT, "%.0f", kib * 1024 / 1e6);
    }
}
