package zoneatlas.sites;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which infrastructure can serve a site, per category, and how far the "nearest of each
 * category" search looks. A prospect reading "供水设施 59.89 km" on a Xinxiang parcel's card is
 * told about a Zhengzhou project that will never supply it; networks run by a city (water,
 * sewage, gas, power distribution, public services) serve only that city, and some plants only
 * the zone they are planned for, so those categories count only facilities of the site's city or
 * zone. Transport is used across borders (a Xinxiang firm does fly from Zhengzhou) and counts
 * wherever it lies, within the search radius.
 *
 * <p>This is the table to edit when a planner disagrees; {@code ServiceAreaTest} checks that
 * every category of {@link Labels#KIND} has a rule. Thread-safe (immutable).
 */
final class ServiceArea {
  private ServiceArea() {}

  /** Whose facilities count for a site. */
  enum Scope {
    /** wherever it lies (within the radius) */
    any,
    /** only facilities of the site's city (a zone's city-level plan features included) */
    city,
    /** only facilities of the site's own zone, or of its city's city-wide plan */
    zone
  }

  /** One category's rule: whose facilities count and how far the search looks (km). */
  record Rule(Scope scope, double radiusKm) {}

  /** The search radius most categories get: about half an hour by road, the distance investors ask about. */
  static final double DEFAULT_RADIUS_KM = 30;

  private static final Rule ANY = new Rule(Scope.any, DEFAULT_RADIUS_KM);
  private static final Rule CITY = new Rule(Scope.city, DEFAULT_RADIUS_KM);
  private static final Rule ZONE = new Rule(Scope.zone, DEFAULT_RADIUS_KM);

  /** Every category of {@link Labels#KIND}; a category missing here counts anywhere within 30 km. */
  static final Map<String, Rule> RULES;

  static {
    Map<String, Rule> m = new LinkedHashMap<>();
    // transport and logistics: used across city borders, so distance alone decides
    for (String k : new String[] {"metro_line", "metro_station", "rail_line", "rail_station", "freight_yard", "land_port",
        "expressway", "interchange", "road", "bridge", "logistics_hub", "green", "digital"}) {
      m.put(k, ANY);
    }
    // an airport is chosen by investors up to about an hour's drive away
    m.put("airport", new Rule(Scope.any, 100));
    // municipal networks and public services are built and run per city: a Zhengzhou water
    // works or school does not serve a Xinxiang parcel however near the line between them
    for (String k : new String[] {"water_plant", "sewage_plant", "power_plant", "gas", "school", "hospital",
        "public_facility"}) {
      m.put(k, CITY);
    }
    // a 110 kV substation supplies a few kilometres around it and a heat source its own network:
    // the plans site each for the load of their zone
    m.put("substation", ZONE);
    m.put("heating", ZONE);
    RULES = java.util.Collections.unmodifiableMap(m);
  }

  /**
   * The city of each zone code (geodata/README.md): the zones' own plans and the city-wide plan
   * ({@code zhengzhou}). A zone code not listed is a city of its own.
   */
  static final Map<String, String> CITY_OF_ZONE = Map.of(
      "zzetdz", "zhengzhou",
      "zzhitech", "zhengzhou",
      "zhengzhou", "zhengzhou",
      "xxetdz", "xinxiang");

  static Rule rule(String kind) {
    return RULES.getOrDefault(kind, ANY);
  }

  static String city(String zone) {
    return zone == null ? null : CITY_OF_ZONE.getOrDefault(zone, zone);
  }

  /**
   * Whether a facility of {@code kind} planned in {@code featureZone} can serve a site in
   * {@code siteZone}. A site of unknown zone (a point outside every zone) is served by all: we
   * cannot tell whose it is, and the answer says distances only.
   */
  static boolean serves(String kind, String featureZone, String siteZone) {
    if (siteZone == null) {
      return true;
    }
    return switch (rule(kind).scope()) {
      case any -> true;
      case city -> city(siteZone).equals(city(featureZone));
      // a city-wide plan's facility (zone code = the city's code) serves each zone of that city
      case zone -> siteZone.equals(featureZone) || city(siteZone).equals(featureZone);
    };
  }

  /** How far the nearest-of-category search looks for {@code kind}, at most {@code capM}. */
  static double radiusM(String kind, double capM) {
    return Math.min(rule(kind).radiusKm() * 1000, capM);
  }
}
