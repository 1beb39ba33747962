package com.wimd.infra;

import java.util.ArrayList;
import java.util.List;

/**
 * How a JVM that started children stops them when it exits. On its own, each child has a shutdown hook that stops
 * it (so none outlives a test JVM). A JVM that knows the order its children must stop in (the local run: the services
 * while the broker and the database still answer, then those all at once) takes that over with {@link #inStages}.
 */
public final class StopOrder {

    private static volatile boolean owned;

    private StopOrder() {
    }

    /** Stops {@code child} as this JVM exits, unless an owner stops the children in order. */
    static void onExit(String name, Runnable stop) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (!owned) {
                stop.run();
            }
        }, name + "-shutdown"));
    }

    /**
     * Stops the stages one after another as this JVM exits, and the parts of a stage all at once; the children's own
     * hooks then leave them to it.
     */
    public static void inStages(List<? extends List<? extends AutoCloseable>> stages, Runnable first, Runnable afterwards) {
        owned = true;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            first.run();
            stop(stages);
            afterwards.run();
        }, "ordered-stop"));
    }

    /** Closes each stage's parts at once, and begins a stage only when every part of the one before it is closed. */
    static void stop(List<? extends List<? extends AutoCloseable>> stages) {
        for (List<? extends AutoCloseable> stage : stages) {
            List<Thread> stoppers = new ArrayList<>();
            for (AutoCloseable part : List.copyOf(stage)) {
                Thread stopper = new Thread(() -> {
                    try {
                        part.close();
                    } catch (Exception ignored) {
                        // keep stopping the rest
                    }
                }, "stop-" + part);
                stopper.start();
                stoppers.add(stopper);
            }
            for (Thread stopper : stoppers) {
                try {
                    stopper.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
