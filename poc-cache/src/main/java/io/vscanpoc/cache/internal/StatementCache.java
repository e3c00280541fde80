package io.vscanpoc.cache.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.sqlite.SQLiteConnection;

/**
 * Prepared statements kept per physical connection for the hot paths (a get, a put). Preparing the
 * 16-column statements costs more than running them, and sqlite-jdbc has no statement cache of its
 * own. Statements are prepared on the physical connection behind HikariCP's proxy, so the pool does
 * not close them when the connection is returned; SQLite finalizes them when it closes the
 * connection.
 *
 * <p>Thread safety: a physical connection is used by one thread at a time (whoever borrowed it), so
 * its statements are too; the pool's hand-over orders the uses. Not API.
 */
public final class StatementCache {

    private final Map<SQLiteConnection, Map<String, PreparedStatement>> byConnection = new ConcurrentHashMap<>();

    /**
     * The statement for {@code sql} on the physical connection behind {@code connection}, prepared
     * on first use. The caller must not close it, and must close every result set it opens from it
     * before returning the connection (an open result set holds a read snapshot).
     */
    public PreparedStatement prepare(Connection connection, String sql) throws SQLException {
        SQLiteConnection physical = connection.unwrap(SQLiteConnection.class);
        Map<String, PreparedStatement> statements = byConnection.computeIfAbsent(physical, c -> new HashMap<>());
        PreparedStatement statement = statements.get(sql);
        if (statement == null || statement.isClosed()) {
            statement = physical.prepareStatement(sql);
            statements.put(sql, statement);
        }
        return statement;
    }

    /** Forgets every statement; call when the connections are closed. */
    public void clear() {
        byConnection.clear();
    }
}
