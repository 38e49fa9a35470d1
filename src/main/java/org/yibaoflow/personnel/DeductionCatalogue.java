package org.yibaoflow.personnel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The deduction cases of 004 §四(一)-(四) (R-PERS-4) as data: {@code personnel/deduction-catalogue.json}.
 * Loaded once; a case that is not in the file cannot be deducted.
 */
@Component
class DeductionCatalogue {

  static final String RESOURCE = "personnel/deduction-catalogue.json";

  /** One case: stable code, points per occurrence (1/3/6/12), the clause of the seed, the Chinese text. */
  record DeductionCase(String code, int points, String clause, String text) {
  }

  private final Map<String, DeductionCase> cases;
  private final List<DeductionCase> ordered;

  DeductionCatalogue() {
    this(load());
  }

  DeductionCatalogue(List<DeductionCase> cases) {
    Map<String, DeductionCase> byCode = new LinkedHashMap<>();
    for (DeductionCase c : cases) {
      if (byCode.put(c.code(), c) != null) {
        throw new IllegalStateException("Duplicate deduction code " + c.code());
      }
      if (c.points() != 1 && c.points() != 3 && c.points() != 6 && c.points() != 12) {
        throw new IllegalStateException("Deduction " + c.code() + " must be 1, 3, 6 or 12 points (R-PERS-4)");
      }
    }
    this.cases = Map.copyOf(byCode);
    this.ordered = List.copyOf(byCode.values());
  }

  static List<DeductionCase> load() {
    try (InputStream in = DeductionCatalogue.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("Missing " + RESOURCE);
      }
      JsonNode root = new ObjectMapper().readTree(in);
      return java.util.stream.StreamSupport.stream(root.get("cases").spliterator(), false)
          .map(n -> new DeductionCase(n.get("code").asText(), n.get("points").asInt(), n.get("clause").asText(),
              n.get("text").asText()))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Optional<DeductionCase> find(String code) {
    return Optional.ofNullable(code == null ? null : cases.get(code));
  }

  List<DeductionCase> all() {
    return ordered;
  }
}
