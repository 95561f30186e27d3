package zoneatlas.model;

/**
 * The link between an enterprise and a parcel: the owner holds the land-use right; a tenant
 * leases a share of it. {@code share} is the fraction of the parcel's area (0..1].
 */
public record LandUse(String enterpriseId, String parcelId, String role, double share, Integer sinceYear) {
  public static final String OWNER = "owner";
  public static final String TENANT = "tenant";
}
