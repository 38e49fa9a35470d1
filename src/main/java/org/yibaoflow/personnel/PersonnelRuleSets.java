package org.yibaoflow.personnel;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The scoring rule sets as data ({@code personnel/rule-sets.json}) and which one each region uses (table
 * {@code personnel_rule_set}; a region without a row uses the file's default, seed 004). A rule set names its
 * measures decision (DMN), whether points are graded by severity, the range of caseworker-chosen suspension
 * months and the re-sign bars (R-PERS-8). Code asks the rule set; it never tests a region's name.
 */
@Component
public class PersonnelRuleSets {

  static final String RESOURCE = "personnel/rule-sets.json";

  /** A severity grade: a catalogue case of {@code casePoints} is deducted {@code min..max} points. */
  public record Grade(int casePoints, int min, int max) {
  }

  /** R-PERS-8: "1至2年内不再签订" [004 §五(二)]. */
  static final int SEED_BAR_YEARS_MAX = 2;
  /** The most a region's rule set may declare instead of the seed's 2 years (validation bound). */
  static final int BAR_YEARS_BOUND = 5;

  /**
   * One rule set. {@code chosenMonthsMax} 0 = the DMN's band fixes the suspension (RegionSetting months).
   * {@code barYearsMax}: the longest re-sign bar the rule set allows; absent = the seed's 1-2 years (R-PERS-8); a
   * region's rule set may say otherwise up to {@value #BAR_YEARS_BOUND} years, with its source.
   */
  public record RuleSet(String key, String nameZh, String source, String decision, boolean gradedPoints,
      List<Grade> grades, int chosenMonthsMin, int chosenMonthsMax, int barYearsCumulative,
      int barYearsSingleIncident, int barYearsThreeYears, Integer barYearsMax) {

    public RuleSet {
      grades = grades == null ? List.of() : List.copyOf(grades);
    }

    /** The grade of a catalogue case's seed points (graded rule sets only). */
    public Optional<Grade> grade(int casePoints) {
      return grades.stream().filter(g -> g.casePoints() == casePoints).findFirst();
    }

    /**
     * R-PERS-8 re-sign bar in years: three consecutive years at 9+, a single incident of the highest grade, or
     * the total reached cumulatively.
     */
    public int barYears(String band, boolean singleIncident) {
      if ("3x9".equals(band)) {
        return barYearsThreeYears;
      }
      return singleIncident ? barYearsSingleIncident : barYearsCumulative;
    }
  }

  record File(String defaultKey, List<RuleSet> ruleSets) {
  }

  private final Map<String, RuleSet> byKey;
  private final String defaultKey;
  private final PersonnelRuleSetMapper mapper;

  @Autowired
  PersonnelRuleSets(PersonnelRuleSetMapper mapper) {
    this(mapper, load());
  }

  PersonnelRuleSets(PersonnelRuleSetMapper mapper, File file) {
    this.mapper = mapper;
    Map<String, RuleSet> m = new LinkedHashMap<>();
    for (RuleSet r : file.ruleSets()) {
      if (m.put(r.key(), r) != null) {
        throw new IllegalStateException("Duplicate rule set " + r.key());
      }
      if (r.gradedPoints() && r.grades().isEmpty()) {
        throw new IllegalStateException("Graded rule set " + r.key() + " needs grades");
      }
      if (r.chosenMonthsMin() > r.chosenMonthsMax()) {
        throw new IllegalStateException("Rule set " + r.key() + " has an invalid month range");
      }
      int maxBar = r.barYearsMax() == null ? SEED_BAR_YEARS_MAX : r.barYearsMax();
      if (maxBar < 1 || maxBar > BAR_YEARS_BOUND) {
        throw new IllegalStateException("Rule set " + r.key() + ": barYearsMax must be 1.." + BAR_YEARS_BOUND);
      }
      for (int bar : new int[] {r.barYearsCumulative(), r.barYearsSingleIncident(), r.barYearsThreeYears()}) {
        if (bar < 1 || bar > maxBar) {
          throw new IllegalStateException("Rule set " + r.key() + ": a re-sign bar must be 1.." + maxBar
              + " years (R-PERS-8; the seed's 1-2 unless the rule set declares barYearsMax)");
        }
      }
    }
    if (!m.containsKey(file.defaultKey())) {
      throw new IllegalStateException("Default rule set " + file.defaultKey() + " is not defined");
    }
    this.byKey = Map.copyOf(m);
    this.defaultKey = file.defaultKey();
  }

  static File load() {
    try (InputStream in = PersonnelRuleSets.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("Missing " + RESOURCE);
      }
      ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
      var root = json.readTree(in);
      List<RuleSet> sets = json.readerForListOf(RuleSet.class).readValue(root.get("ruleSets"));
      return new File(root.get("default").asText(), sets);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The rule set a region scores by. */
  public RuleSet of(String region) {
    String key = mapper == null ? null : mapper.ruleSetOf(region);
    return byKey.get(key == null ? defaultKey : key);
  }

  public Optional<RuleSet> byKey(String key) {
    return Optional.ofNullable(key == null ? null : byKey.get(key));
  }

  /** Demo seeding and administration: assigns a rule set to a region (idempotent for the same key). */
  void assign(String region, String key, String reason, java.time.OffsetDateTime at) {
    if (!byKey.containsKey(key)) {
      throw new IllegalArgumentException("Unknown rule set " + key);
    }
    if (mapper.update(region, key, reason, at) == 0) {
      mapper.insert(region, key, reason, at);
    }
  }
}
