package zoneatlas.layers;

import java.util.List;

/** A piece of SQL with its bound values, in order. Values never go into the text. */
public record SqlFragment(String sql, List<Object> params) {
  public static SqlFragment of(String sql, Object... params) {
    return new SqlFragment(sql, List.of(params));
  }
}
