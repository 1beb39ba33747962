package com.wimd.system;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Requests sent at once, as many clients would: the system tests' races and loads. */
final class AtOnce {

    private AtOnce() {
    }

    /** Each call on its own thread, all let go together; their answers in the calls' order. */
    static <T> List<T> call(List<? extends Callable<T>> calls) throws Exception {
        return call(calls.size(), calls);
    }

    /**
     * The calls on {@code threads} threads, let go together (as many at a time as there are threads); their answers in
     * the calls' order. A call that throws fails the whole with its exception.
     */
    static <T> List<T> call(int threads, List<? extends Callable<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> sent = new ArrayList<>();
            for (Callable<T> call : calls) {
                sent.add(pool.submit(() -> {
                    go.await();
                    return call.call();
                }));
            }
            go.countDown();
            List<T> answers = new ArrayList<>();
            for (Future<T> answer : sent) {
                answers.add(answer.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
