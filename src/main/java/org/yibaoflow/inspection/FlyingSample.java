package org.yibaoflow.inspection;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The draw of a region's flying inspections (飞行检查, R-VIO-14 [001 §三(四)]; 双随机一公开): at least the region's
 * ratio (default 10 %) of its designated hospitals, always including the top N (default 5) by last year's fund
 * payments and the institutions with concentrated complaints, the rest drawn at random; and the inspectors of
 * each drawn institution drawn at random from the region's caseworkers. Both draws are reproducible from the
 * recorded seed and the inputs in their stated order (hospitals by id, caseworkers by user id), so an auditor can
 * repeat them. Pure: the plan service supplies the inputs and stores the result with the seed.
 */
public final class FlyingSample {

  private FlyingSample() {
  }

  /** A designated hospital with last year's fund payments (null when none was delivered, R-EVA-5). */
  public record Hospital(long institutionId, String code, BigDecimal lastYearPayments) {
  }

  /** Why a hospital is in the sample. */
  public enum Reason { TOP_PAYER, COMPLAINTS, RANDOM }

  public record Drawn(Hospital hospital, Reason reason, List<String> inspectors) {
  }

  /**
   * The sample: the top {@code topPayers} by last year's payments (ties by id), then the complaint institutions,
   * then hospitals drawn at random ({@code new Random(seed)} over the rest in id order) until ceil(ratio x n) are
   * drawn; the mandatory ones are never left out, even when they exceed the ratio. Each drawn hospital gets
   * {@code inspectorsPerInspection} distinct inspectors drawn from {@code caseworkers} (all of them when fewer).
   */
  public static List<Drawn> draw(List<Hospital> hospitals, Set<Long> complaintInstitutions, BigDecimal ratio,
      int topPayers, List<String> caseworkers, int inspectorsPerInspection, long seed) {
    List<Hospital> byId = new ArrayList<>(hospitals);
    byId.sort(Comparator.comparingLong(Hospital::institutionId));
    Map<Long, Reason> chosen = new LinkedHashMap<>();
    byId.stream().filter(h -> h.lastYearPayments() != null && h.lastYearPayments().signum() > 0)
        .sorted(Comparator.comparing(Hospital::lastYearPayments).reversed()
            .thenComparingLong(Hospital::institutionId))
        .limit(topPayers).forEach(h -> chosen.put(h.institutionId(), Reason.TOP_PAYER));
    byId.stream().filter(h -> complaintInstitutions.contains(h.institutionId()))
        .forEach(h -> chosen.putIfAbsent(h.institutionId(), Reason.COMPLAINTS));
    int size = ratio.multiply(BigDecimal.valueOf(byId.size())).setScale(0, RoundingMode.CEILING).intValueExact();
    Random random = new Random(seed);
    List<Hospital> rest = new ArrayList<>(byId.stream().filter(h -> !chosen.containsKey(h.institutionId())).toList());
    Collections.shuffle(rest, random);
    for (Hospital h : rest) {
      if (chosen.size() >= size) {
        break;
      }
      chosen.put(h.institutionId(), Reason.RANDOM);
    }
    List<String> pool = new ArrayList<>(caseworkers);
    Collections.sort(pool);
    Map<Long, Hospital> index = new LinkedHashMap<>();
    byId.forEach(h -> index.put(h.institutionId(), h));
    List<Drawn> drawn = new ArrayList<>();
    for (var e : chosen.entrySet()) {
      drawn.add(new Drawn(index.get(e.getKey()), e.getValue(), inspectors(pool, inspectorsPerInspection, random)));
    }
    return drawn;
  }

  /**
   * {@code n} distinct inspectors drawn at random from the pool in user-id order (all of them when fewer), sorted;
   * the next draw of {@code random} (双随机: the routine and year-end inspections draw theirs the same way).
   */
  public static List<String> inspectors(List<String> sortedPool, int n, Random random) {
    List<String> candidates = new ArrayList<>(sortedPool);
    Collections.shuffle(candidates, random);
    List<String> inspectors = new ArrayList<>(candidates.subList(0, Math.min(n, candidates.size())));
    Collections.sort(inspectors);
    return inspectors;
  }
}
