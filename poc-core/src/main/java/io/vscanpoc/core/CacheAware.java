package io.vscanpoc.core;

/**
 * Implemented by task results that may have been served from a cache, so a generic scanner can
 * count cache hits without knowing what the result is.
 */
public interface CacheAware {

    /** True when the result came from a cache and no request was sent for it. */
    boolean fromCache();
}
