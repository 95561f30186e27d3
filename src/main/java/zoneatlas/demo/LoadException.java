package zoneatlas.demo;

/** A load refused because of bad input; the message names the file, the feature and the reason. */
public final class LoadException extends RuntimeException {
  public LoadException(String file, String featureId, String reason) {
    super(file + (featureId == null ? "" : ", feature " + featureId) + ": " + reason);
  }
}
