package zoneatlas.ogc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.InputStream;
import org.junit.jupiter.api.Test;
import zoneatlas.http.ApiError;

/**
 * An answer's body as its bytes are written one at a time, and the limit of an HTML page's body
 * (two survivors of the PIT run over FeaturesRoutes: only the first single-byte write of a body
 * and JSON bodies of weight 1 were exercised).
 */
class AnswerBodyRulesTest {
  @Test
  void bytesWrittenOneAtATimeReadBackAsWritten() throws Exception {
    FeaturesRoutes.Body body = new FeaturesRoutes.Answers(1L << 20, 1000).body(1);
    body.write('{');
    body.write('}');
    body.write(new byte[] {'\n'}, 0, 1);
    body.write('x');
    assertEquals(4, body.size());
    try (InputStream in = body.inputStream()) {
      assertArrayEquals(new byte[] {'{', '}', '\n', 'x'}, in.readAllBytes());
    }
    body.release();
  }

  @Test
  void anHtmlPagesBodyIsRefusedTenTimesSoonerThanJsons() throws Exception {
    // all answers may hold 256 KiB, one answer a quarter (64 KiB): twice that is the most one may grow to
    FeaturesRoutes.Answers answers = new FeaturesRoutes.Answers(256L << 10, 1000);
    byte[] first = new byte[FeaturesRoutes.Answers.FIRST_CHUNK];
    FeaturesRoutes.Body json = answers.body(1);
    json.write(first, 0, first.length);
    json.write('x'); // 16 KiB + 1 of JSON: well within 128 KiB
    assertEquals(first.length + 1, json.size());
    json.release();
    FeaturesRoutes.Body html = answers.body(FeaturesRoutes.Answers.HTML_WEIGHT);
    html.write(first, 0, first.length);
    // 16 KiB of JSON an HTML page is built from stands for 160 KiB: past 128 KiB, refused
    ApiError e = assertThrows(ApiError.class, () -> html.write('x'));
    assertEquals(503, e.status);
    html.release();
    assertEquals(0, answers.held());
  }

  @Test
  void http_buffer_heap_percentIsTheShareOfTheHeapAllAnswersMayHold() {
    long max = Runtime.getRuntime().maxMemory();
    for (int percent : new int[] {2, 40}) {
      FeaturesRoutes.Answers a = FeaturesRoutes.Answers.from(zoneatlas.config.Config.of(
          java.util.Map.of("http.buffer.heap.percent", String.valueOf(percent))));
      long perAnswer = max / 100 * percent / 4; // one answer: a quarter of all
      FeaturesRoutes.Body body = a.body(1);
      assertEquals(false, body.full(perAnswer - 1), percent + " %");
      assertEquals(true, body.full(perAnswer), percent + " %");
      body.release();
    }
  }
}
