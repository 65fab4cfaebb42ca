package clinic.relief.workspace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The SQL statements the current thread sends to PostgreSQL while it is open, as the driver itself reports them: the
 * PostgreSQL JDBC driver logs every Parse, Bind and Execute message it sends at {@code FINEST} (java.util.logging), and
 * this listens to that log for one thread. Each Execute is one statement run (a batch's rows count one each); its text
 * is the one parsed for the statement it binds. MockMvc serves a request on the calling thread, so a test counts what
 * one page costs by opening this around the request.
 */
final class SqlStatements implements AutoCloseable {

    private static final Logger DRIVER = Logger.getLogger("org.postgresql.core.v3.QueryExecutorImpl");

    private final Thread thread = Thread.currentThread();
    private final Level level = DRIVER.getLevel();
    private final boolean parentHandlers = DRIVER.getUseParentHandlers();
    private final Map<String, String> named = new HashMap<>();
    private final List<String> executed = new ArrayList<>();
    private String unnamed = "";
    private String bound = "";
    private final Handler listener = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (Thread.currentThread() == thread && !poolCheck()) {
                heard(record);
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    private SqlStatements() {
        DRIVER.setLevel(Level.FINEST);
        DRIVER.setUseParentHandlers(false);
        DRIVER.addHandler(listener);
    }

    /** Starts listening on the current thread. */
    static SqlStatements open() {
        return new SqlStatements();
    }

    /** The texts of the statements run so far, in order. */
    List<String> executed() {
        return List.copyOf(executed);
    }

    /** How many statements ran so far. */
    int count() {
        return executed.size();
    }

    /**
     * Whether the pool is checking that a connection it hands out is alive (it does when the connection was idle for
     * half a second): that check's empty statement is not the page's.
     */
    private static boolean poolCheck() {
        return StackWalker.getInstance()
                .walk(frames -> frames.anyMatch(f -> f.getClassName().equals("com.zaxxer.hikari.pool.PoolBase")));
    }

    private void heard(LogRecord record) {
        String line = record.getMessage().strip();
        if (line.startsWith("FE=> Parse(stmt=")) {
            String name = line.substring("FE=> Parse(stmt=".length(), line.indexOf(",query=\""));
            String query =
                    line.substring(line.indexOf(",query=\"") + ",query=\"".length(), line.lastIndexOf("\",oids="));
            if (name.isEmpty()) {
                unnamed = query;
            } else {
                named.put(name, query);
            }
        } else if (line.startsWith("FE=> Bind(stmt=")) {
            String name = line.substring("FE=> Bind(stmt=".length(), line.indexOf(",portal="));
            bound = name.isEmpty() ? unnamed : named.getOrDefault(name, "(prepared before listening: " + name + ")");
        } else if (line.startsWith("FE=> Execute(")) {
            executed.add(bound);
        } else if (line.startsWith("FE=> SimpleQuery(query=\"")) {
            executed.add(String.valueOf(record.getParameters()[0]));
        }
    }

    @Override
    public void close() {
        DRIVER.removeHandler(listener);
        DRIVER.setUseParentHandlers(parentHandlers);
        DRIVER.setLevel(level);
    }
}
