package zoneatlas.testing;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.function.Predicate;
import java.util.function.Supplier;
import zoneatlas.store.Dialect;
import zoneatlas.store.Store;

/**
 * A store that fails on purpose: while armed, executing a statement whose SQL matches throws what
 * the test chose (an SQLException as a failing statement or a dropped connection would, or an
 * Error), once; or the connection under it is really closed just before the statement runs into it.
 * A connection's {@code commit()} is matched as the statement {@value #COMMIT}. Everything else
 * goes to the real store, so a test sees exactly what a write leaves behind when it breaks half-way.
 */
public final class FaultyStore implements Store {
  private final Store real;
  /** The text {@code commit()} is matched as, so a fault can hit the commit itself. */
  public static final String COMMIT = "COMMIT";
  private volatile Predicate<String> when;
  private volatile Supplier<Throwable> what;
  /** When set, the matching statement runs on a connection closed under it instead of throwing {@link #what}. */
  private volatile boolean drop;
  private volatile java.util.function.Consumer<String> trace;

  public FaultyStore(Store real) {
    this.real = real;
  }

  /** The next statement whose SQL matches throws {@code what}; then the store is well again. */
  public void failOnce(Predicate<String> sql, Supplier<Throwable> what) {
    this.what = what;
    this.drop = false;
    this.when = sql;
  }

  /**
   * The next statement whose SQL matches finds its connection gone: the pooled connection's
   * physical connection is closed first, so the statement, the rollback and the pool meet a real
   * closed connection (the database ends the session and drops what it held), not a simulated one.
   */
  public void dropConnectionOnce(Predicate<String> sql) {
    this.what = null;
    this.drop = true;
    this.when = sql;
  }

  /** Disarms a fault that was never reached. */
  public void disarm() {
    this.when = null;
  }

  /** Tells {@code to} the SQL of every statement executed (and {@value #COMMIT}) from now on; null stops. */
  public void trace(java.util.function.Consumer<String> to) {
    this.trace = to;
  }

  public boolean armed() {
    return when != null;
  }

  @Override
  public Dialect dialect() {
    return real.dialect();
  }

  @Override
  public Connection connection() throws SQLException {
    Connection c = real.connection();
    return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
        (proxy, m, args) -> {
          if (m.getName().equals("commit")) {
            fault(c, COMMIT);
          }
          Object out = invoke(c, m, args);
          if (out instanceof PreparedStatement ps && args != null && args.length > 0 && args[0] instanceof String sql) {
            return statement(c, ps, sql);
          }
          return out;
        });
  }

  private PreparedStatement statement(Connection c, PreparedStatement ps, String sql) {
    InvocationHandler h = (proxy, m, args) -> {
      if (m.getName().startsWith("execute")) {
        fault(c, sql);
      }
      return invoke(ps, m, args);
    };
    return (PreparedStatement) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {PreparedStatement.class}, h);
  }

  private void fault(Connection c, String sql) throws Throwable {
    java.util.function.Consumer<String> t = trace;
    if (t != null) {
      t.accept(sql);
    }
    Predicate<String> w = when;
    if (w != null && w.test(sql)) {
      synchronized (this) {
        if (when != w) {
          return; // another thread took this fault
        }
        when = null;
      }
      if (drop) {
        c.unwrap(Connection.class).close();
      } else {
        throw what.get();
      }
    }
  }

  private static Object invoke(Object target, java.lang.reflect.Method m, Object[] args) throws Throwable {
    try {
      return m.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @Override
  public String sql(String name) {
    return real.sql(name);
  }

  @Override
  public int queryTimeoutSeconds() {
    return real.queryTimeoutSeconds();
  }

  @Override
  public String description() {
    return "faulty " + real.description();
  }

  @Override
  public void close() {
    real.close();
  }
}
