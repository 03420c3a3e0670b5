package vn.bantin.store;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Keeps each prepared statement of a connection for as long as this cache is open: a repository that prepares the
 * same SQL again (each batch of a group commit does, for every statement it runs) gets the statement it closed
 * before, already compiled. HSQLDB frees a statement's compiled form when it is closed, so without this every
 * prepare parses and plans the SQL anew. A statement handed out and not yet closed is not handed out twice: a
 * second prepare of its SQL meanwhile gets a statement of its own. Only {@code prepareStatement(String)} is
 * cached; every other call goes to the connection as it is.
 */
public final class StatementCache implements AutoCloseable {

    private final Connection connection;
    private final Connection view;
    private final Map<String, Kept> kept = new HashMap<>();

    private StatementCache(Connection connection) {
        this.connection = connection;
        this.view = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, this::onConnection);
    }

    public static StatementCache over(Connection connection) {
        return new StatementCache(connection);
    }

    /** The connection to hand to repositories: the same connection, its prepared statements kept. */
    public Connection connection() {
        return view;
    }

    /** Closes every kept statement (the connection stays open). */
    @Override
    public void close() throws SQLException {
        SQLException first = null;
        for (Kept k : kept.values()) {
            try {
                k.statement.close();
            } catch (SQLException e) {
                first = first == null ? e : first;
            }
        }
        kept.clear();
        if (first != null) {
            throw first;
        }
    }

    private Object onConnection(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getName().equals("prepareStatement") && args.length == 1 && args[0] instanceof String sql) {
            return prepare(sql);
        }
        return invoke(connection, method, args);
    }

    private PreparedStatement prepare(String sql) throws SQLException {
        Kept k = kept.get(sql);
        if (k == null) {
            k = new Kept(connection.prepareStatement(sql));
            kept.put(sql, k);
        } else if (k.inUse) {
            return connection.prepareStatement(sql);
        }
        k.inUse = true;
        return k.view;
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** A kept statement; its view's close() makes it ready for the next prepare of its SQL instead of closing it. */
    private static final class Kept implements InvocationHandler {
        private final PreparedStatement statement;
        private final PreparedStatement view;
        private boolean inUse;

        Kept(PreparedStatement statement) {
            this.statement = statement;
            this.view = (PreparedStatement) Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(),
                    new Class<?>[] {PreparedStatement.class}, this);
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "close" -> {
                    if (inUse) {
                        inUse = false;
                        ResultSet open = statement.getResultSet();
                        if (open != null) {
                            open.close();
                        }
                        statement.clearBatch();
                        statement.clearParameters();
                    }
                    return null;
                }
                case "hashCode" -> {
                    return System.identityHashCode(proxy);
                }
                case "equals" -> {
                    return proxy == args[0];
                }
                case "toString" -> {
                    return "kept " + statement;
                }
                case "isClosed" -> {
                    return !inUse || statement.isClosed();
                }
                default -> {
                    if (!inUse) {
                        throw new SQLException("statement is closed");
                    }
                    return StatementCache.invoke(statement, method, args);
                }
            }
        }
    }
}
