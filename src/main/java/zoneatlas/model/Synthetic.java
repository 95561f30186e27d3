package zoneatlas.model;

import java.util.List;

/** Everything the seeded generator makes: parcels, enterprises, their land links, yearly figures. */
public record Synthetic(
    List<Parcel> parcels, List<Enterprise> enterprises, List<LandUse> landUses, List<YearFigures> figures) {}
