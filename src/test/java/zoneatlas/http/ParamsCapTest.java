package zoneatlas.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ParamsCapTest {
  @Test
  void aBboxWithHeightsKeepsOnlyTheHorizontalCorners() {
    assertArrayEquals(new double[] {1, 2, 4, 5}, Params.bbox("bbox", "1,2,0,4,5,10", true));
  }

  @Test
  void aBboxOutsideLonLatRangeIsRefused() {
    ApiError e = assertThrows(ApiError.class, () -> Params.bbox("bbox", "100,20,200,30", true));
    assertEquals("bbox", e.parameter);
  }
}
