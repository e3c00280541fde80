/**
 * The vscan.dev HTTP client: {@link io.vscanpoc.core.client.HttpVscanClient} configured by
 * {@link io.vscanpoc.core.client.VscanClientConfig}, with its {@link io.vscanpoc.core.client.RetryPolicy},
 * {@link io.vscanpoc.core.client.RequestBudget} and {@link io.vscanpoc.core.client.ClientStats}.
 * See docs/client.md.
 */
package io.vscanpoc.core.client;
