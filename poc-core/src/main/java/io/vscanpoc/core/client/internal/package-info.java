/**
 * How {@link io.vscanpoc.core.client.HttpVscanClient} does its work: pacing, the size-capped body,
 * error mapping, retries and the submit/poll/fetch workflow. Not API: public only so the client
 * package can use it; it may change without notice.
 */
package io.vscanpoc.core.client.internal;
