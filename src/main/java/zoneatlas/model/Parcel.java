package zoneatlas.model;

import org.locationtech.jts.geom.Polygon;

/**
 * A land parcel (地块 / 宗地). Synthetic in the demo data. Areas are geodesic on the CGCS2000
 * ellipsoid; {@code areaMu = areaM2 / (10000/15)}.
 *
 * @param landUseCode national land-use classification code (国土空间用地用海分类), e.g. 100101
 * @param status one of {@link ParcelStatus} names
 * @param far actual floor-area ratio (容积率), 0 when unbuilt
 * @param coverage actual building coverage (建筑系数), 0..1
 * @param farMin control indicator: minimum FAR for this land use (工业项目建设用地控制指标)
 * @param coverageMin control indicator: minimum building coverage
 * @param reqInvestWanPerMu 标准地 requirement: fixed-asset investment intensity, 万元/亩
 * @param reqTaxWanPerMu 标准地 requirement: tax per mu, 万元/亩/年
 * @param supplyYear year the land was supplied (出让), null if not supplied
 * @param buildStartYear year construction started, null if not started
 */
public record Parcel(
    String id,
    String zone,
    String board,
    String park,
    String smallMicroPark,
    String landUseCode,
    String landUseName,
    String status,
    double areaM2,
    double areaMu,
    double floorAreaM2,
    double far,
    double coverage,
    double farMin,
    double coverageMin,
    double reqInvestWanPerMu,
    double reqTaxWanPerMu,
    Integer supplyYear,
    Integer buildStartYear,
    Polygon geom) {}
