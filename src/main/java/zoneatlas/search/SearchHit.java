package zoneatlas.search;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One search result: enough for the map to name it and fly to it.
 *
 * @param collection the collection it belongs to (zones, core-boards, ..., enterprises, parcels)
 * @param kind the plan feature's kind or the parcel's land-use code (null for enterprises)
 * @param bbox minx, miny, maxx, maxy in lon/lat, for areas and lines
 * @param point lon, lat, for enterprises (located on their main parcel)
 * @param name_zh for parcels, which have no name, the land-use class
 * @param match what the query matched: name_zh, name_en, pinyin, id, uscc
 * @param score relevance, higher is better (100 exact)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SearchHit(
    String collection,
    String id,
    String name_zh,
    String name_en,
    String kind,
    String zone,
    String park,
    double[] bbox,
    double[] point,
    String match,
    int score) {}
