package org.yibaoflow.enforcement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * How many agreement points (协议记分, R-EVA-3 [002 §二(一)1-2]) a decision of each measure class gives, per
 * region: {@code enforcement/agreement-points.json}, a default scale for every region and optional per-region
 * overrides of single classes. Seed 002 names no numbers: the default scale is a product default. Every
 * measure class of {@link ViolationMeasures#CLASSES} has a value (0..100) in every region.
 */
@Component
public class AgreementPointsScale {

  static final String RESOURCE = "enforcement/agreement-points.json";
  static final int MAX = 100;

  private final Map<String, Integer> defaults;
  private final Map<String, Map<String, Integer>> regions;

  public AgreementPointsScale() {
    this(load());
  }

  private AgreementPointsScale(Loaded loaded) {
    this(loaded.defaults(), loaded.regions());
  }

  private record Loaded(Map<String, Integer> defaults, Map<String, Map<String, Integer>> regions) {
  }

  AgreementPointsScale(Map<String, Integer> defaults, Map<String, Map<String, Integer>> regions) {
    if (!defaults.keySet().equals(ViolationMeasures.CLASSES)) {
      throw new IllegalStateException(RESOURCE + ": the default scale must give points for exactly "
          + ViolationMeasures.CLASSES + ", has " + defaults.keySet());
    }
    check("default", defaults);
    Map<String, Map<String, Integer>> merged = new HashMap<>();
    regions.forEach((region, overrides) -> {
      if (!ViolationMeasures.CLASSES.containsAll(overrides.keySet())) {
        throw new IllegalStateException(RESOURCE + ": region " + region + " names an unknown measure class "
            + overrides.keySet());
      }
      check(region, overrides);
      Map<String, Integer> scale = new HashMap<>(defaults);
      scale.putAll(overrides);
      merged.put(region, Map.copyOf(scale));
    });
    this.defaults = Map.copyOf(defaults);
    this.regions = Map.copyOf(merged);
  }

  private static void check(String scale, Map<String, Integer> points) {
    points.forEach((k, v) -> {
      if (v == null || v < 0 || v > MAX) {
        throw new IllegalStateException(RESOURCE + ": " + scale + "." + k + " must be 0.." + MAX);
      }
    });
  }

  /** The points a decision of this measure class gives in the region. */
  public int points(String region, String measureClass) {
    Integer p = regions.getOrDefault(region, defaults).get(measureClass);
    if (p == null) {
      throw new IllegalArgumentException("No agreement points for measure class " + measureClass);
    }
    return p;
  }

  /** The region's whole scale (default merged with the region's overrides). */
  public Map<String, Integer> scale(String region) {
    return regions.getOrDefault(region, defaults);
  }

  private static Loaded load() {
    try (InputStream in = AgreementPointsScale.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("Missing " + RESOURCE);
      }
      JsonNode root = new ObjectMapper().readTree(in);
      Map<String, Map<String, Integer>> regions = new LinkedHashMap<>();
      root.path("regions").fields().forEachRemaining(r -> regions.put(r.getKey(), ints(r.getValue())));
      return new Loaded(ints(root.get("default")), regions);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, Integer> ints(JsonNode node) {
    Map<String, Integer> m = new LinkedHashMap<>();
    if (node != null) {
      node.fields().forEachRemaining(f -> m.put(f.getKey(), f.getValue().isInt() ? f.getValue().asInt() : null));
    }
    return m;
  }
}
