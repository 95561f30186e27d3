package zoneatlas.model;

import org.locationtech.jts.geom.Point;

/**
 * An enterprise. Synthetic in the demo data ({@code synthetic = true}).
 *
 * @param uscc unified social credit code (统一社会信用代码), 18 characters with a valid check digit
 * @param industry industry name in Chinese (e.g. 汽车零部件)
 * @param sizeClass 规上 (above designated size) or 规下
 * @param foundedYear year of registration
 * @param geom a point on the enterprise's main parcel, for the map
 */
public record Enterprise(
    String id,
    String uscc,
    String nameZh,
    String nameEn,
    String zone,
    String park,
    String industry,
    String sizeClass,
    int foundedYear,
    boolean synthetic,
    Point geom) {}
