package org.yibaoflow.enforcement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 15: the violation forms offer the catalogue as a searchable multi-select (form-js taglist) with Chinese
 * labels, never codes typed by hand. The intake start form has no process variables yet, so it carries the
 * catalogue itself: it must equal the catalogue; the investigation reads the entries for the institution's type
 * from the variable the registration sets.
 */
class ViolationFormsTest {

  private final ObjectMapper json = new ObjectMapper();
  private final ViolationCatalogue catalogue = new ViolationCatalogue();

  @Test
  void theIntakeFormOffersExactlyTheCatalogueByName() throws IOException {
    JsonNode field = field("violation-case-intake", "suspectedViolations");
    assertThat(field.get("type").asText()).isEqualTo("taglist");
    List<Map<String, String>> values = new ArrayList<>();
    field.get("values").forEach(v -> values.add(Map.of("label", v.get("label").asText(), "value", v.get("value").asText())));
    assertThat(values).isEqualTo(catalogue.options(null));
    values.forEach(v -> assertThat(v.get("label")).as("no code in a label").doesNotContain(v.get("value")));
  }

  @Test
  void theInvestigationOffersTheEntriesOfTheInstitutionsType() throws IOException {
    JsonNode field = field("violation-investigation", "findingCodes");
    assertThat(field.get("type").asText()).isEqualTo("taglist");
    assertThat(field.get("valuesKey").asText()).isEqualTo("violationOptions");
    assertThat(catalogue.options("PHARMACY")).isNotEmpty()
        .allSatisfy(o -> assertThat(catalogue.find(o.get("value")).orElseThrow().appliesTo("PHARMACY")).isTrue());
    assertThat(catalogue.options("PHARMACY").size()).isLessThan(catalogue.all().size());
  }

  @Test
  void theReviewFormsShowTheMeasureClassInChinese() throws IOException {
    for (String form : List.of("violation-legal-review", "violation-approval")) {
      JsonNode field = field(form, "measureClass");
      assertThat(field.get("type").asText()).as(form).isEqualTo("select");
      assertThat(field.get("readonly").asBoolean()).as(form).isTrue();
      Map<String, String> labels = new java.util.HashMap<>();
      field.get("values").forEach(v -> labels.put(v.get("value").asText(), v.get("label").asText()));
      assertThat(labels).as(form + ": every class the decision table gives, by its Chinese name")
          .isEqualTo(ViolationCaseService.CLASS_ZH);
    }
  }

  @Test
  void codesArriveAsListJsonOrText() {
    assertThat(ViolationCodes.parse(List.of("A", " B "))).containsExactly("A", "B");
    assertThat(ViolationCodes.parse("[\"A\",\"B\"]")).containsExactly("A", "B");
    assertThat(ViolationCodes.parse("A，B; C")).containsExactly("A", "B", "C");
    assertThat(ViolationCodes.parse(null)).isEmpty();
  }

  private JsonNode field(String form, String key) throws IOException {
    for (JsonNode c : json.readTree(Path.of("forms", form + ".form").toFile()).get("components")) {
      if (key.equals(c.path("key").asText())) {
        return c;
      }
    }
    throw new AssertionError(form + " has no field " + key);
  }
}
