package zoneatlas.http;

/**
 * A request the server refuses, with the HTTP status, an OGC-style code, and the parameter or
 * field at fault. Handlers throw it; {@link WebApp} turns it into a JSON body.
 */
public final class ApiError extends RuntimeException {
  public final int status;
  public final String code;
  public final String parameter;
  /** More members of the error body (e.g. a Chinese description, the problems found); never null. */
  public final java.util.Map<String, Object> details;

  public ApiError(int status, String code, String parameter, String message) {
    this(status, code, parameter, message, java.util.Map.of());
  }

  public ApiError(int status, String code, String parameter, String message, java.util.Map<String, Object> details) {
    super(message);
    this.status = status;
    this.code = code;
    this.parameter = parameter;
    this.details = details;
  }

  /** 400: a parameter's value is malformed or out of range. */
  public static ApiError badParam(String parameter, String message) {
    return new ApiError(400, "InvalidParameterValue", parameter, parameter + ": " + message);
  }

  /** 400: a parameter the endpoint does not know. */
  public static ApiError unknownParam(String parameter, String known) {
    return new ApiError(400, "UnknownParameter", parameter, "unknown parameter '" + parameter + "'; allowed: " + known);
  }

  public static ApiError notFound(String what) {
    return new ApiError(404, "NotFound", null, what);
  }

  public static ApiError forbidden(String what) {
    return new ApiError(403, "Forbidden", null, what);
  }

  public static ApiError unauthorized(String what) {
    return new ApiError(401, "Unauthorized", null, what);
  }
}
