package io.vscanpoc.cli.run;

import io.vscanpoc.cli.UsageException;
import io.vscanpoc.cli.options.PolitenessOptions;
import io.vscanpoc.core.client.HttpVscanClient;
import io.vscanpoc.core.client.RequestBudget;
import io.vscanpoc.core.client.VscanClientConfig;

/**
 * Makes one HTTP client per scan, configured from the command line. A client per scan gives each
 * scenario fresh counters and exactly as many pacing lanes as it has workers; the request budget is
 * shared by all of them, so {@code --max-requests} bounds the whole run.
 */
public final class ClientFactory {

    private final VscanClientConfig base;
    private final RequestBudget budget;

    /** Validates everything up front, so a bad URL fails before any request. */
    public ClientFactory(Target target, PolitenessOptions politeness) {
        this.budget = politeness.maxRequests == null ? RequestBudget.unlimited() : RequestBudget.of(politeness.maxRequests);
        try {
            var builder = VscanClientConfig.builder()
                    .baseUrl(target.apiUrl())
                    .timeScale(target.scale())
                    .pacingDelay(politeness.delay())
                    .requestTimeout(politeness.timeout())
                    .requestBudget(budget);
            if (politeness.maxRps != null) {
                builder.maxRequestsPerSecond(politeness.maxRps);
            }
            this.base = builder.build();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** A client with one pacing lane per worker. */
    public HttpVscanClient create(int workers) {
        return new HttpVscanClient(base.toBuilder().lanes(workers).build());
    }


    public RequestBudget budget() {
        return budget;
    }
}
