package zoneatlas.imports.spatial;

/**
 * A problem with the whole upload (unreadable file, unknown CRS, ambiguous layer) rather than
 * with one feature: the routes answer 400 naming {@link #parameter}.
 */
public final class ImportFailure extends RuntimeException {
  public final String parameter;

  public ImportFailure(String parameter, String message) {
    super(message);
    this.parameter = parameter;
  }

  public ImportFailure(String parameter, String message, Throwable cause) {
    super(message, cause);
    this.parameter = parameter;
  }
}
