package org.yibaoflow.enforcement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.springframework.stereotype.Component;

/**
 * The violation catalogue of seeds 000 §一, 001 §二(一)-(四) and 003 §三 as data:
 * {@code enforcement/violation-catalogue.json}. Each violation has a code, its Chinese name, the seed clause,
 * a severity (1 轻微 .. 4 严重, input of processes/violation-measures.dmn), the institution types it applies to,
 * per type the cause and rule of a mandatory termination (R-VIO-3 hospital, R-VIO-4 pharmacy, R-VIO-8 both),
 * and whether it is serious-risk conduct (R-VIO-6), fraud (R-VIO-10), 三假 fraud (maximum fine) or a
 * records matter (R-VIO-7). A code that is not in the file cannot be found.
 */
@Component
public class ViolationCatalogue {

  static final String RESOURCE = "enforcement/violation-catalogue.json";
  static final Set<String> TYPES = Set.of("HOSPITAL", "PHARMACY");

  /** The cause (as in the agreement state machine) and rule of a mandatory termination for one type. */
  public record Termination(String cause, String ruleId) {
  }

  /**
   * One violation. {@code measure}: the measure class a graded violation prescribes by its severity (R-VIO-16,
   * a pharmacy's 阴阳价格), or null.
   */
  public record Violation(String code, String name, String clause, int severity, List<String> appliesTo,
      Map<String, Termination> termination, boolean seriousRisk, boolean fraud, boolean sanJia, boolean documents,
      String measure) {

    public boolean appliesTo(String institutionType) {
      return appliesTo.contains(institutionType);
    }

    public Optional<Termination> terminationFor(String institutionType) {
      return Optional.ofNullable(termination.get(institutionType));
    }
  }

  private final Map<String, Violation> byCode;

  public ViolationCatalogue() {
    this(load());
  }

  ViolationCatalogue(List<Violation> violations) {
    Map<String, Violation> map = new LinkedHashMap<>();
    for (Violation v : violations) {
      if (map.put(v.code(), v) != null) {
        throw new IllegalStateException("Duplicate violation code " + v.code());
      }
      if (v.severity() < 1 || v.severity() > 4) {
        throw new IllegalStateException("Violation " + v.code() + ": severity must be 1..4");
      }
      if (v.appliesTo().isEmpty() || !TYPES.containsAll(v.appliesTo()) || !TYPES.containsAll(v.termination().keySet())) {
        throw new IllegalStateException("Violation " + v.code() + ": types must be HOSPITAL or PHARMACY");
      }
      // R-VIO-6: verified fraud terminates, whatever the institution type
      if (v.fraud() && !v.termination().keySet().containsAll(v.appliesTo())) {
        throw new IllegalStateException("Violation " + v.code() + ": fraud must terminate for every type (R-VIO-6)");
      }
      if (v.measure() != null && !ViolationMeasures.CLASSES.contains(v.measure())) {
        throw new IllegalStateException("Violation " + v.code() + ": unknown measure " + v.measure());
      }
    }
    this.byCode = java.util.Collections.unmodifiableMap(map);
  }

  static List<Violation> load() {
    try (InputStream in = ViolationCatalogue.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("Missing " + RESOURCE);
      }
      JsonNode root = new ObjectMapper().readTree(in);
      return StreamSupport.stream(root.get("violations").spliterator(), false).map(ViolationCatalogue::violation)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Violation violation(JsonNode n) {
    Map<String, Termination> termination = new LinkedHashMap<>();
    n.path("termination").fields().forEachRemaining(f -> termination.put(f.getKey(),
        new Termination(f.getValue().get("cause").asText(), f.getValue().get("rule").asText())));
    List<String> types = StreamSupport.stream(n.get("appliesTo").spliterator(), false).map(JsonNode::asText).toList();
    return new Violation(n.get("code").asText(), n.get("name").asText(), n.get("clause").asText(),
        n.get("severity").asInt(), types, Map.copyOf(termination), n.path("seriousRisk").asBoolean(),
        n.path("fraud").asBoolean(), n.path("sanJia").asBoolean(), n.path("documents").asBoolean(),
        n.hasNonNull("measure") ? n.get("measure").asText() : null);
  }

  public Optional<Violation> find(String code) {
    return Optional.ofNullable(code == null ? null : byCode.get(code));
  }

  /** Whether any of these codes is a fraud (骗取医保基金) of the catalogue; unknown codes are none. */
  public boolean anyFraud(java.util.Collection<String> codes) {
    return codes.stream().anyMatch(code -> find(code).map(Violation::fraud).orElse(false));
  }

  public List<Violation> all() {
    return List.copyOf(byCode.values());
  }

  /**
   * The choices of Tasklist's searchable multi-select (form-js {@code taglist}) for an institution type: the
   * Chinese name with its clause as label, the code as value (no code is shown to the user).
   */
  public List<Map<String, String>> options(String institutionType) {
    return byCode.values().stream().filter(v -> institutionType == null || v.appliesTo(institutionType))
        .map(v -> Map.of("label", v.name() + "（" + v.clause() + "）", "value", v.code())).toList();
  }
}
