package io.vscanpoc.sim;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * A zero-latency, limit-free simulator in its own process, for load generators such as wrk
 * (docs/benchmarks.md). Usage: {@code BenchServer [port=18080]}; prints the base URL and serves
 * until killed. ({@code vscan-poc sim --sim-profile ideal --sim-latency-ms 0} does the same once the
 * command is registered.)
 */
public final class BenchServer {

    private BenchServer() {}

    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 18080;
        var config = SimulatorProfile.IDEAL.builder().latency(Duration.ZERO).port(port).build();
        var simulator = VscanSimulator.start(config);
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
            simulator.close();
            stopped.countDown();
        }));
        System.out.println(simulator.baseUrl());
        stopped.await();
    }
}
