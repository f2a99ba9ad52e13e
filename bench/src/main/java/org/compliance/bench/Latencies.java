package org.compliance.bench;

import java.util.Arrays;

/** Latencies of one measured run, in nanoseconds, with its throughput. */
record Latencies(long[] nanos, long elapsedNanos, long operations) {

    double perSecond() {
        return operations / (elapsedNanos / 1e9);
    }

    double percentileMillis(double percentile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
    }
}
