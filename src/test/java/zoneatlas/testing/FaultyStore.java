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
 * Error), once. Everything else goes to the real store, so a test sees exactly what a write leaves
 * behind when it breaks half-way.
 */
public final class FaultyStore implements Store {
  private final Store real;
  private volatile Predicate<String> when;
  private volatile Supplier<Throwable> what;

  public FaultyStore(Store real) {
    this.real = real;
  }

  /** The next statement whose SQL matches throws {@code what}; then the store is well again. */
  public void failOnce(Predicate<String> sql, Supplier<Throwable> what) {
    this.what = what;
    this.when = sql;
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
          Object out = invoke(c, m, args);
          if (out instanceof PreparedStatement ps && args != null && args.length > 0 && args[0] instanceof String sql) {
            return statement(ps, sql);
          }
          return out;
        });
  }

  private PreparedStatement statement(PreparedStatement ps, String sql) {
    InvocationHandler h = (proxy, m, args) -> {
      if (m.getName().startsWith("execute")) {
        Predicate<String> w = when;
        if (w != null && w.test(sql)) {
          when = null;
          throw what.get();
        }
      }
      return invoke(ps, m, args);
    };
    return (PreparedStatement) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {PreparedStatement.class}, h);
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
