package io.vscanpoc.cli.run;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** The brief's scenario matrix and the order it runs in. */
final class Matrix {

    private Matrix() {}

    /**
     * Worker counts ascending, and for each the empty cache first, numbered from 1: with the
     * defaults this is exactly the brief's tests 1 to 8.
     */
    static List<Scenario> scenarios(List<Integer> workerCounts, List<String> cacheStates) {
        var scenarios = new ArrayList<Scenario>();
        for (int workers : workerCounts) {
            for (String state : cacheStates) {
                scenarios.add(new Scenario(scenarios.size() + 1, workers, state.equals("50/50")));
            }
        }
        return List.copyOf(scenarios);
    }

    /**
     * The run order. Fixed runs the baseline first, which is what the brief did and what makes
     * order effects (a warming server) look like speedup; shuffled, with a seed, spreads them.
     */
    static List<Scenario> order(List<Scenario> scenarios, boolean shuffled, long seed) {
        if (!shuffled) {
            return scenarios;
        }
        var order = new ArrayList<>(scenarios);
        Collections.shuffle(order, new Random(seed));
        return List.copyOf(order);
    }
}
