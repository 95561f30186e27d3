package zoneatlas.http;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Times as readers in China expect them, the same on every screen, export and printout:
 * "2026-12-07 20:53" in Beijing time (Asia/Shanghai, UTC+8 all year), said as such — in a column
 * headed 时间（北京时间）, or with the words after the time where it stands alone. web/js/i18n.js
 * ({@code formatTime}) writes the same. Stateless.
 */
public final class ChinaTime {
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private ChinaTime() {}

  /** "2026-12-07 20:53": for a column whose header names the time zone ({@link #header}). */
  public static String format(Instant t) {
    return t == null ? null : MINUTES.format(t.atZone(ZONE));
  }

  /** "2026-12-07 20:53（北京时间）" or "2026-12-07 20:53 (Beijing time)": a time standing alone. */
  public static String withZone(Instant t, String lang) {
    return t == null ? null : format(t) + ("en".equals(lang) ? " (Beijing time)" : "（北京时间）");
  }

  /** "时间（北京时间）" / "Time (Beijing time)" for a header of {@link #format}ted times. */
  public static String header(String zh, String en, String lang) {
    return "en".equals(lang) ? en + " (Beijing time)" : zh + "（北京时间）";
  }
}
