package zoneatlas.imports.spatial;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A problem with the whole upload (unreadable file, unknown CRS, ambiguous layer) rather than
 * with one feature: the routes answer 400 naming {@link #parameter}, with the message in English
 * ({@code description}) and in Chinese ({@code description_zh}), plus {@link #details}: what was
 * learnt of the file before it failed (its columns, the mapping so far), so the map can offer to
 * fix the mapping or choose the CRS.
 */
public final class ImportFailure extends RuntimeException {
  public final String parameter;
  /** The message for a Chinese land officer; never English. */
  public final String messageZh;
  /** More members of the 400 body (columns, fields, mapping ...); filled by the service. */
  public final Map<String, Object> details = new LinkedHashMap<>();

  public ImportFailure(String parameter, String message, String messageZh) {
    super(message);
    this.parameter = parameter;
    this.messageZh = messageZh;
  }

  public ImportFailure(String parameter, String message, String messageZh, Throwable cause) {
    super(message, cause);
    this.parameter = parameter;
    this.messageZh = messageZh;
  }

  /** Without a Chinese text of its own: a generic one naming the parameter in Chinese. */
  public ImportFailure(String parameter, String message) {
    this(parameter, message, generic(parameter));
  }

  public ImportFailure(String parameter, String message, Throwable cause) {
    this(parameter, message, generic(parameter), cause);
  }

  /** "文件无法导入" naming what is at fault, for messages that have no Chinese text of their own. */
  static String generic(String parameter) {
    String what = switch (parameter == null ? "" : parameter) {
      case "file" -> "文件";
      case "srs" -> "坐标系";
      case "encoding" -> "字符编码";
      case "layer" -> "图层（工作表）";
      case "format" -> "文件格式";
      case "mode" -> "导入方式";
      case "target_zone" -> "目标开发区";
      default -> {
        ParcelField f = ParcelField.byParam(parameter);
        yield f != null ? "字段“" + ColumnMapping.titleZh(f) + "”" : "参数 " + parameter;
      }
    };
    return what + "有误，文件无法导入";
  }
}
