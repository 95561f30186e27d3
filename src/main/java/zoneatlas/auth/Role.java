package zoneatlas.auth;

import java.util.Locale;

/** Who is asking, in increasing order of what they may see. */
public enum Role {
  /** Anyone without a token: plan layers, parcels, aggregates of enough enterprises. */
  anonymous,
  /** An investor shown sites by the investment team: same data as anonymous. */
  prospect,
  /** Planners: plan layers and parcels, no per-enterprise figures. */
  planner,
  /** Land officers: per-enterprise figures, what-if scoring. */
  land_officer,
  /** Administrators: everything, including imports and official scoring. */
  admin;

  /** Per-enterprise tax, revenue and energy are confidential: only these roles see them. */
  public boolean seesConfidential() {
    return this == land_officer || this == admin;
  }

  public boolean atLeast(Role r) {
    return ordinal() >= r.ordinal();
  }

  public static Role parse(String s) {
    try {
      return Role.valueOf(s.trim().toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown role '" + s + "' (roles: prospect, planner, land_officer, admin)");
    }
  }
}
