package org.compliance.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs N operations across C clients, each client one thread doing one operation after another. */
final class ConcurrentRun {

    /** One client's operation; {@code index} is unique across the run. Throws on any failure. */
    interface Operation {
        void run(int client, int index) throws Exception;
    }

    private ConcurrentRun() {
    }

    static Latencies of(int clients, int operations, Operation operation) throws Exception {
        long[] nanos = new long[operations];
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            long start = System.nanoTime();
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                running.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < operations; i = next.getAndIncrement()) {
                        long t0 = System.nanoTime();
                        operation.run(client, i);
                        nanos[i] = System.nanoTime() - t0;
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
            return new Latencies(nanos, System.nanoTime() - start, operations);
        } finally {
            pool.shutdownNow();
        }
    }
}
