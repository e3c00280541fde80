package io.vscanpoc.cache.internal;

import java.sql.SQLException;

/** A unit of database work that may fail with an {@link SQLException}. Not API. */
@FunctionalInterface
public interface SqlWork<T> {

    T run() throws SQLException;
}
