package zoneatlas.http;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The file of an import request, sent either as the raw body or as the multipart part {@code
 * file} (or the only part), with a size limit checked before the whole body is in memory.
 */
public final class Uploads {
  private Uploads() {}

  /** The file's bytes, its name and content type when the client sent them. */
  public record Upload(byte[] bytes, String filename, String contentType) {}

  /**
   * @param limitSetting the setting that holds {@code maxBytes}, named in the 413 message
   * @param emptyHint what to send instead, for the 400 on an empty file
   */
  public static Upload read(Context ctx, long maxBytes, String limitSetting, String emptyHint) throws IOException {
    Upload u;
    if (ctx.isMultipartFormData()) {
      UploadedFile f = ctx.uploadedFile("file");
      if (f == null) {
        List<UploadedFile> all = ctx.uploadedFiles();
        if (all.size() != 1) {
          throw ApiError.badParam("file", "send the file as the form part named 'file'");
        }
        f = all.get(0);
      }
      if (f.size() > maxBytes) {
        throw tooLarge(maxBytes, limitSetting);
      }
      try (InputStream in = f.content()) {
        u = new Upload(in.readAllBytes(), f.filename(), f.contentType());
      }
    } else {
      byte[] b = ctx.bodyInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      if (b.length > maxBytes) {
        throw tooLarge(maxBytes, limitSetting);
      }
      u = new Upload(b, ctx.queryParam("filename"), ctx.contentType());
    }
    if (u.bytes().length == 0) {
      throw ApiError.badParam("file", "is empty: " + emptyHint);
    }
    return u;
  }

  private static ApiError tooLarge(long max, String setting) {
    return new ApiError(413, "PayloadTooLarge", "file", "file: larger than " + max + " bytes (setting " + setting + ")");
  }
}
