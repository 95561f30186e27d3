package zoneatlas.imports.spatial;

import org.locationtech.jts.geom.Polygon;

/**
 * A parcel an import writes. Unlike {@link zoneatlas.model.Parcel} the optional figures may be
 * unknown (null): a land register that does not state a FAR has not measured 0.
 */
record NewParcel(String id, String zone, String board, String park, String smallMicroPark, String landUseCode,
    String landUseName, String status, double areaM2, double areaMu, Double floorAreaM2, Double far, Double coverage,
    Double farMin, Double coverageMin, Double reqInvestWanPerMu, Double reqTaxWanPerMu, Integer supplyYear,
    Integer buildStartYear, Polygon geom) {}
