/** The caching decorator over any {@link io.vscanpoc.core.VscanClient}, on the {@link io.vscanpoc.core.ResultCache} port. */
package io.vscanpoc.core.cache;
