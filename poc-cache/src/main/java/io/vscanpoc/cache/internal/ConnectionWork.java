package io.vscanpoc.cache.internal;

import java.sql.Connection;
import java.sql.SQLException;

/** Database work on a connection it is lent; it must not keep the connection. Not API. */
@FunctionalInterface
public interface ConnectionWork<T> {

    T apply(Connection connection) throws SQLException;
}
