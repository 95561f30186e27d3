package zoneatlas.efficiency;

/**
 * The stored data cannot be evaluated as it stands, e.g. a parcel leased out for more than 100%
 * of its area. The message names the record at fault, so a land officer can correct it; the
 * HTTP layer answers 422 with it rather than a stack trace.
 */
public final class EfficiencyDataException extends RuntimeException {
  public EfficiencyDataException(String message) {
    super(message);
  }
}
