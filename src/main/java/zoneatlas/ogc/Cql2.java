package zoneatlas.ogc;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import zoneatlas.http.ApiError;

/**
 * CQL2 text (OGC 21-065r2) as far as ZoneAtlas serves it: comparisons, LIKE, BETWEEN, IN,
 * IS NULL, AND/OR/NOT, CASEI, and the spatial functions S_INTERSECTS, S_EQUALS, S_DISJOINT,
 * S_TOUCHES, S_WITHIN, S_OVERLAPS, S_CROSSES, S_CONTAINS with WKT or BBOX literals.
 *
 * <p>Why a parser of our own: GeoTools' ECQL is a different language (there {@code id} is a
 * keyword, {@code BBOX} is a predicate, spatial functions have no {@code S_} prefix and there is
 * no {@code CASEI}), and GeoTools' CQL2 module is not part of the GeoTools bundle we ship. The
 * grammar subset is small; geometry literals are read by JTS's WKT reader. The parser only
 * builds a tree; {@link Cql2Sql} checks it against a layer and turns it into bound SQL.
 */
public final class Cql2 {
  private Cql2() {}

  /** A boolean expression. */
  public sealed interface Node permits And, Or, Not, Compare, Like, Between, In, IsNull, Spatial, BoolLit {}

  /** A value: property, literal or CASEI of one. */
  public sealed interface Operand permits Prop, Text, Num, BoolLit, Geom, Casei {}

  public record And(List<Node> parts) implements Node {}

  public record Or(List<Node> parts) implements Node {}

  public record Not(Node node) implements Node {}

  /** {@code op} is one of = &lt;&gt; &lt; &gt; &lt;= &gt;=. */
  public record Compare(Operand left, String op, Operand right) implements Node {}

  /** {@code caseInsensitive} for the non-standard ILIKE that GDAL sends. */
  public record Like(Operand value, Operand pattern, boolean not, boolean caseInsensitive) implements Node {}

  public record Between(Operand value, Operand low, Operand high, boolean not) implements Node {}

  public record In(Operand value, List<Operand> list, boolean not) implements Node {}

  public record IsNull(Operand value, boolean not) implements Node {}

  /** {@code fn} is the CQL2 name, e.g. S_INTERSECTS. */
  public record Spatial(String fn, Operand a, Operand b) implements Node {}

  public record BoolLit(boolean value) implements Node, Operand {}

  public record Prop(String name) implements Operand {}

  public record Text(String value) implements Operand {}

  public record Num(BigDecimal value) implements Operand {}

  /** A geometry literal in the filter CRS's axis order, not yet transformed. */
  public record Geom(Geometry geometry) implements Operand {}

  public record Casei(Operand inner) implements Operand {}

  static final Set<String> SPATIAL = Set.of("S_INTERSECTS", "S_EQUALS", "S_DISJOINT", "S_TOUCHES", "S_WITHIN",
      "S_OVERLAPS", "S_CROSSES", "S_CONTAINS");
  private static final Set<String> WKT = Set.of("POINT", "LINESTRING", "POLYGON", "MULTIPOINT", "MULTILINESTRING",
      "MULTIPOLYGON", "GEOMETRYCOLLECTION");
  private static final Set<String> RESERVED = Set.of("AND", "OR", "NOT", "LIKE", "ILIKE", "BETWEEN", "IN", "IS",
      "NULL", "TRUE", "FALSE");
  private static final Set<String> COMPARISONS = Set.of("=", "<>", "<", ">", "<=", ">=");
  /**
   * Deepest nesting of NOT, parentheses and CASEI. Real filters nest a few levels; the parser, the
   * SQL it becomes and the database's own parser all recurse once per level (H2 overflowed its
   * stack at a thousand NOTs), so depth is refused here, where the answer is still a 400.
   */
  static final int MAX_DEPTH = 32;

  /** Parses CQL2 text; a syntax error is a 400 naming the {@code filter} parameter and the position. */
  public static Node parse(String text) {
    if (text == null || text.isBlank()) {
      throw ApiError.badParam("filter", "is empty");
    }
    Parser p = new Parser(text);
    Node n = p.or();
    if (p.peek().kind != Kind.EOF) {
      throw p.error("unexpected '" + p.peek().text + "'");
    }
    return n;
  }

  private enum Kind { WORD, QUOTED_NAME, STRING, NUMBER, LPAREN, RPAREN, COMMA, OP, EOF }

  private record Token(Kind kind, String text, int pos) {
    boolean is(String keyword) {
      return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
    }

    String upper() {
      return text.toUpperCase(Locale.ROOT);
    }
  }

  private static final class Parser {
    private final String src;
    private int pos;
    private Token peeked;
    private int depth;

    Parser(String src) {
      this.src = src;
    }

    ApiError error(String what) {
      int at = peeked != null ? peeked.pos : pos;
      return ApiError.badParam("filter", what + " at position " + (at + 1) + " of the CQL2 text");
    }

    Token peek() {
      if (peeked == null) {
        peeked = lex();
      }
      return peeked;
    }

    Token next() {
      Token t = peek();
      peeked = null;
      return t;
    }

    void expect(Kind k, String what) {
      if (peek().kind != k) {
        throw error("expected " + what + " but found " + (peek().kind == Kind.EOF ? "the end" : "'" + peek().text + "'"));
      }
      next();
    }

    boolean keyword(String k) {
      if (peek().is(k)) {
        next();
        return true;
      }
      return false;
    }

    private Token lex() {
      while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
        pos++;
      }
      int start = pos;
      if (pos >= src.length()) {
        return new Token(Kind.EOF, "", start);
      }
      char c = src.charAt(pos);
      switch (c) {
        case '(' -> {
          pos++;
          return new Token(Kind.LPAREN, "(", start);
        }
        case ')' -> {
          pos++;
          return new Token(Kind.RPAREN, ")", start);
        }
        case ',' -> {
          pos++;
          return new Token(Kind.COMMA, ",", start);
        }
        case '=' -> {
          pos++;
          return new Token(Kind.OP, "=", start);
        }
        case '<', '>' -> {
          pos++;
          if (pos < src.length() && (src.charAt(pos) == '=' || (c == '<' && src.charAt(pos) == '>'))) {
            pos++;
          }
          return new Token(Kind.OP, src.substring(start, pos), start);
        }
        case '\'' -> {
          StringBuilder sb = new StringBuilder();
          pos++;
          while (true) {
            if (pos >= src.length()) {
              pos = start;
              throw error("unterminated string");
            }
            char ch = src.charAt(pos++);
            if (ch == '\'') {
              if (pos < src.length() && src.charAt(pos) == '\'') {
                sb.append('\'');
                pos++;
              } else {
                break;
              }
            } else {
              sb.append(ch);
            }
          }
          return new Token(Kind.STRING, sb.toString(), start);
        }
        case '"' -> {
          int end = src.indexOf('"', pos + 1);
          if (end < 0) {
            throw error("unterminated quoted property name");
          }
          pos = end + 1;
          return new Token(Kind.QUOTED_NAME, src.substring(start + 1, end), start);
        }
        default -> {
          if (Character.isDigit(c) || ((c == '-' || c == '+' || c == '.') && pos + 1 < src.length()
              && (Character.isDigit(src.charAt(pos + 1)) || src.charAt(pos + 1) == '.'))) {
            pos++;
            while (pos < src.length() && (Character.isDigit(src.charAt(pos)) || src.charAt(pos) == '.')) {
              pos++;
            }
            if (pos < src.length() && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
              pos++;
              if (pos < src.length() && (src.charAt(pos) == '-' || src.charAt(pos) == '+')) {
                pos++;
              }
              while (pos < src.length() && Character.isDigit(src.charAt(pos))) {
                pos++;
              }
            }
            return new Token(Kind.NUMBER, src.substring(start, pos), start);
          }
          if (Character.isLetter(c) || c == '_') {
            while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_'
                || src.charAt(pos) == '.' || src.charAt(pos) == ':')) {
              pos++;
            }
            return new Token(Kind.WORD, src.substring(start, pos), start);
          }
          if (c == '+' || c == '-' || c == '*' || c == '/' || c == '%') {
            throw error("arithmetic ('" + c + "') is not supported");
          }
          throw error("unexpected character '" + c + "'");
        }
      }
    }

    Node or() {
      List<Node> parts = new ArrayList<>();
      parts.add(and());
      while (keyword("OR")) {
        parts.add(and());
      }
      return parts.size() == 1 ? parts.get(0) : new Or(List.copyOf(parts));
    }

    Node and() {
      List<Node> parts = new ArrayList<>();
      parts.add(not());
      while (keyword("AND")) {
        parts.add(not());
      }
      return parts.size() == 1 ? parts.get(0) : new And(List.copyOf(parts));
    }

    Node not() {
      if (keyword("NOT")) {
        enter("NOT");
        Node n = new Not(not());
        depth--;
        return n;
      }
      return primary();
    }

    /** One level deeper; refused past {@link #MAX_DEPTH}. */
    private void enter(String what) {
      if (++depth > MAX_DEPTH) {
        throw error("nested too deeply (" + what + "): at most " + MAX_DEPTH + " levels of NOT, parentheses and CASEI");
      }
    }

    Node primary() {
      Token t = peek();
      if (t.kind == Kind.LPAREN) {
        next();
        enter("parentheses");
        Node n = or();
        expect(Kind.RPAREN, "')'");
        depth--;
        return n;
      }
      if (t.kind == Kind.WORD && SPATIAL.contains(t.upper())) {
        next();
        expect(Kind.LPAREN, "'(' after " + t.upper());
        Operand a = operand();
        expect(Kind.COMMA, "',' between the two geometries of " + t.upper());
        Operand b = operand();
        expect(Kind.RPAREN, "')' closing " + t.upper());
        return new Spatial(t.upper(), a, b);
      }
      Operand left = operand();
      Token op = peek();
      if (op.kind == Kind.OP && COMPARISONS.contains(op.text)) {
        next();
        return new Compare(left, op.text, operand());
      }
      if (left instanceof BoolLit b && !(op.kind == Kind.WORD && (op.is("IS") || op.is("IN") || op.is("NOT")))) {
        return b;
      }
      boolean negated = keyword("NOT");
      if (keyword("LIKE")) {
        return new Like(left, operand(), negated, false);
      }
      if (keyword("ILIKE")) {
        return new Like(left, operand(), negated, true);
      }
      if (keyword("BETWEEN")) {
        Operand lo = operand();
        if (!keyword("AND")) {
          throw error("expected AND in BETWEEN");
        }
        return new Between(left, lo, operand(), negated);
      }
      if (keyword("IN")) {
        expect(Kind.LPAREN, "'(' after IN");
        List<Operand> list = new ArrayList<>();
        list.add(operand());
        while (peek().kind == Kind.COMMA) {
          next();
          list.add(operand());
        }
        expect(Kind.RPAREN, "')' closing the IN list");
        return new In(left, List.copyOf(list), negated);
      }
      if (!negated && keyword("IS")) {
        boolean not = keyword("NOT");
        if (!keyword("NULL")) {
          throw error("expected NULL after IS");
        }
        return new IsNull(left, not);
      }
      throw error(negated ? "expected LIKE, BETWEEN or IN after NOT"
          : "expected a comparison (=, <>, <, >, <=, >=, LIKE, BETWEEN, IN, IS NULL) but found "
              + (op.kind == Kind.EOF ? "the end" : "'" + op.text + "'"));
    }

    Operand operand() {
      Token t = next();
      switch (t.kind) {
        case STRING -> {
          return new Text(t.text);
        }
        case NUMBER -> {
          try {
            return new Num(new BigDecimal(t.text));
          } catch (NumberFormatException e) {
            peeked = t;
            throw error("malformed number '" + t.text + "'");
          }
        }
        case QUOTED_NAME -> {
          return new Prop(t.text);
        }
        case WORD -> {
          String u = t.upper();
          if (u.equals("TRUE") || u.equals("FALSE")) {
            return new BoolLit(u.equals("TRUE"));
          }
          if (u.equals("CASEI")) {
            expect(Kind.LPAREN, "'(' after CASEI");
            enter("CASEI");
            Operand inner = operand();
            expect(Kind.RPAREN, "')' closing CASEI");
            depth--;
            return new Casei(inner);
          }
          if (WKT.contains(u)) {
            return new Geom(wkt(t));
          }
          if (u.equals("BBOX")) {
            return new Geom(bbox());
          }
          if (u.equals("ACCENTI")) {
            peeked = t;
            throw error("ACCENTI (accent-insensitive comparison) is not supported");
          }
          if (u.equals("TIMESTAMP") || u.equals("DATE") || u.equals("INTERVAL")) {
            peeked = t;
            throw error("temporal literals are not supported: no collection has a temporal property");
          }
          if (RESERVED.contains(u)) {
            peeked = t;
            throw error("expected a property or a value but found " + u);
          }
          if (peek().kind == Kind.LPAREN) {
            peeked = t;
            throw error("function '" + t.text + "' is not supported (supported: CASEI and the spatial functions "
                + String.join(", ", SPATIAL.stream().sorted().toList()) + ")");
          }
          return new Prop(t.text);
        }
        case EOF -> {
          peeked = t;
          throw error("expected a property or a value but found the end");
        }
        default -> {
          peeked = t;
          throw error("expected a property or a value but found '" + t.text + "'");
        }
      }
    }

    /** A WKT literal: the keyword, then the text up to its balanced closing parenthesis (or EMPTY). */
    private Geometry wkt(Token keyword) {
      int i = pos;
      while (i < src.length() && Character.isWhitespace(src.charAt(i))) {
        i++;
      }
      int depth = 0;
      int end = -1;
      for (int j = i; j < src.length(); j++) {
        char c = src.charAt(j);
        if (c == '(') {
          depth++;
        } else if (c == ')') {
          depth--;
          if (depth == 0) {
            end = j + 1;
            break;
          }
          if (depth < 0) {
            break;
          }
        } else if (depth == 0 && !Character.isLetter(c) && !Character.isWhitespace(c)) {
          break;
        }
      }
      if (end < 0) {
        throw error("malformed " + keyword.upper() + " literal (unbalanced parentheses)");
      }
      String text = src.substring(keyword.pos, end);
      pos = end;
      peeked = null;
      try {
        return new WKTReader(new GeometryFactory()).read(text);
      } catch (ParseException | IllegalArgumentException e) {
        pos = keyword.pos;
        throw error("malformed " + keyword.upper() + " literal: " + e.getMessage());
      }
    }

    /** BBOX(minx, miny, maxx, maxy) or the 6-number form with heights (ignored). */
    private Geometry bbox() {
      expect(Kind.LPAREN, "'(' after BBOX");
      List<Double> v = new ArrayList<>();
      while (true) {
        Token n = next();
        if (n.kind != Kind.NUMBER) {
          peeked = n;
          throw error("BBOX takes 4 or 6 numbers");
        }
        try {
          v.add(Double.parseDouble(n.text));
        } catch (NumberFormatException e) {
          peeked = n;
          throw error("malformed number '" + n.text + "'");
        }
        if (peek().kind == Kind.COMMA) {
          next();
          continue;
        }
        expect(Kind.RPAREN, "')' closing BBOX");
        break;
      }
      if (v.size() != 4 && v.size() != 6) {
        throw error("BBOX takes 4 or 6 numbers, got " + v.size());
      }
      int h = v.size() == 6 ? 1 : 0;
      double minx = v.get(0);
      double miny = v.get(1);
      double maxx = v.get(2 + h);
      double maxy = v.get(3 + h);
      if (minx > maxx || miny > maxy) {
        throw error("BBOX minimum must not exceed maximum");
      }
      return new GeometryFactory().toGeometry(new Envelope(minx, maxx, miny, maxy));
    }
  }
}
