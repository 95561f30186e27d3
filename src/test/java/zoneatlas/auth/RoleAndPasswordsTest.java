package zoneatlas.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who sees confidential figures, the order of roles, and what a stored password hash must be. */
class RoleAndPasswordsTest {
  @Test
  void onlyLandOfficersAndAdministratorsSeeConfidentialFigures() {
    Set<Role> seeing = EnumSet.noneOf(Role.class);
    for (Role r : Role.values()) {
      if (r.seesConfidential()) {
        seeing.add(r);
      }
    }
    assertEquals(EnumSet.of(Role.land_officer, Role.admin), seeing);
  }

  @Test
  void aRoleIsAtLeastItselfAndEveryRoleBelowIt() {
    for (Role r : Role.values()) {
      for (Role other : Role.values()) {
        assertEquals(r.ordinal() >= other.ordinal(), r.atLeast(other), r + " at least " + other);
      }
    }
    assertTrue(Role.planner.atLeast(Role.planner));
    assertFalse(Role.planner.atLeast(Role.land_officer));
  }

  @Test
  void oneLoginStoredTwiceGivesTwoHashesBothOfWhichMatch() {
    String a = Passwords.hash("一个口令 secret");
    String b = Passwords.hash("一个口令 secret");
    assertNotEquals(a.split("\\$")[2], b.split("\\$")[2], "each hash has its own salt");
    assertNotEquals(a, b);
    assertTrue(Passwords.verify("一个口令 secret", a));
    assertTrue(Passwords.verify("一个口令 secret", b));
    assertFalse(Passwords.verify("一个口令 Secret", a));
  }

  @Test
  void aStoredValueThatIsNoPbkdf2HashMatchesNothingAndHasTheDefaultCost() {
    String good = Passwords.hash("pw");
    String[] p = good.split("\\$");
    assertFalse(Passwords.verify("pw", "bcrypt$" + p[1] + "$" + p[2] + "$" + p[3]), "another scheme");
    assertFalse(Passwords.verify("pw", "pbkdf2$" + p[1] + "$" + p[2]), "three parts");
    assertFalse(Passwords.verify("pw", good + "$extra"), "five parts");
    assertEquals(Passwords.ITERATIONS, Passwords.iterations("pbkdf2$x$y"));
    assertEquals(Passwords.ITERATIONS, Passwords.iterations("pbkdf2$many$salt$hash"));
    assertEquals(1000, Passwords.iterations("pbkdf2$1000$salt$hash"));
  }

  @Test
  void unmatchableHashesAreWellFormedDifferentAndMatchNoPassword() {
    String a = Passwords.unmatchable(1000);
    String b = Passwords.unmatchable(1000);
    String[] pa = a.split("\\$");
    String[] pb = b.split("\\$");
    assertEquals(4, pa.length);
    assertEquals(1000, Passwords.iterations(a));
    assertNotEquals(pa[2], pb[2], "random salt");
    assertNotEquals(pa[3], pb[3], "random hash");
    assertFalse(Passwords.verify("", a));
    assertFalse(Passwords.verify("pw", a));
  }
}
