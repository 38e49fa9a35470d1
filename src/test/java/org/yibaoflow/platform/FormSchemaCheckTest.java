package org.yibaoflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yibaoflow.support.ModelerFiles;

/**
 * The server-side check of every Camunda Form in forms/ (issue 15): a submission a person could make in the
 * browser passes; leaving out any required field that is shown, or choosing a value the form does not list, is
 * refused naming that field in Chinese. Then the rules with their reasons: hidden fields, dates, numbers.
 */
class FormSchemaCheckTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

  static Stream<Path> forms() {
    return ModelerFiles.forms().stream();
  }

  @ParameterizedTest
  @MethodSource("forms")
  void everyFormRefusesAMissingRequiredFieldAndAnUnlistedChoiceAndTakesAFilledOne(Path file) throws Exception {
    JsonNode form = JSON.readTree(file.toFile());
    Map<String, Object> valid = new HashMap<>();
    List<JsonNode> inputs = new ArrayList<>();
    collect(form.get("components"), inputs);
    // fill every input as a person would, the first listed choice for each choice
    for (JsonNode c : inputs) {
      valid.put(c.get("key").asText(), sample(c));
    }
    assertThatCode(() -> FormSchemaCheck.check(form, valid::get, TODAY)).as(file + " filled").doesNotThrowAnyException();
    for (JsonNode c : inputs) {
      String key = c.get("key").asText();
      boolean shown = c.path("conditional").path("hide").isMissingNode()
          || !FormConditions.holds(c.path("conditional").path("hide").asText(), valid::get);
      if (shown && c.path("validate").path("required").asBoolean(false)) {
        Map<String, Object> without = new HashMap<>(valid);
        without.remove(key);
        refused(form, without, key, file);
      }
      if (shown && c.has("values")) {
        Map<String, Object> unlisted = new HashMap<>(valid);
        unlisted.put(key, c.get("type").asText().matches("checklist|taglist") ? List.of("NO_SUCH_CODE") : "NO_SUCH_CODE");
        refused(form, unlisted, key, file);
      }
    }
  }

  @Test
  void aFieldHiddenByItsConditionIsNotRequiredAndItIsOnceShown() throws Exception {
    JsonNode acceptance = JSON.readTree(Path.of("forms/designation-acceptance.form").toFile());
    Map<String, Object> complete = new HashMap<>(Map.of("acceptanceResult", "COMPLETE",
        "inquiryDepartments", List.of("HEALTH")));
    assertThatCode(() -> FormSchemaCheck.check(acceptance, complete::get, TODAY)).doesNotThrowAnyException();
    Map<String, Object> incomplete = new HashMap<>(Map.of("acceptanceResult", "INCOMPLETE"));
    assertThatThrownBy(() -> FormSchemaCheck.check(acceptance, incomplete::get, TODAY))
        .isInstanceOfSatisfying(DomainRuleException.class, e -> {
          assertThat(e.field()).isEqualTo("missingMaterials");
          assertThat(e.messageZh()).isEqualTo("请填写「缺少的材料」");
        });
  }

  @Test
  void aDateThatHappenedCannotBeTomorrowInBeijingAndNumbersKeepTheirBounds() throws Exception {
    JsonNode arrival = JSON.readTree(Path.of("forms/document-arrival.form").toFile());
    Map<String, Object> v = new HashMap<>(Map.of("documentsReceived", List.of(firstValue(arrival, "documentsReceived")),
        "receivedOn", TODAY.plusDays(1).toString()));
    assertThatThrownBy(() -> FormSchemaCheck.check(arrival, v::get, TODAY))
        .isInstanceOfSatisfying(DomainRuleException.class, e -> assertThat(e.messageZh()).contains("不能晚于今天"));
    v.put("receivedOn", TODAY.toString());
    assertThatCode(() -> FormSchemaCheck.check(arrival, v::get, TODAY)).doesNotThrowAnyException();
    v.put("receivedOn", "2026-13-01");
    assertThatThrownBy(() -> FormSchemaCheck.check(arrival, v::get, TODAY))
        .isInstanceOfSatisfying(DomainRuleException.class, e -> assertThat(e.messageZh()).contains("须为日期"));

    JsonNode scoring = JSON.readTree(Path.of("forms/annual-evaluation-scoring.form").toFile());
    Map<String, Object> s = new HashMap<>();
    List<JsonNode> inputs = new ArrayList<>();
    collect(scoring.get("components"), inputs);
    inputs.forEach(c -> s.put(c.get("key").asText(), sample(c)));
    s.put("evaluationScore", 101);
    assertThatThrownBy(() -> FormSchemaCheck.check(scoring, s::get, TODAY))
        .isInstanceOfSatisfying(DomainRuleException.class, e -> {
          assertThat(e.field()).isEqualTo("evaluationScore");
          assertThat(e.messageZh()).contains("0 至 100");
        });
  }

  @Test
  void aChoiceFromDataAllowsOnlyTheListTheProcessProvided() throws Exception {
    JsonNode dossier = JSON.readTree(Path.of("forms/referral-dossier.form").toFile());
    Map<String, Object> v = new HashMap<>(Map.of("dossierItems", List.of("FORGED"), "receivingBody", "淮北市公安局",
        "dossierChecklist", List.of(Map.of("value", "CASE_REPORT", "label", "案件调查报告"))));
    assertThatThrownBy(() -> FormSchemaCheck.check(dossier, v::get, TODAY))
        .isInstanceOfSatisfying(DomainRuleException.class, e -> assertThat(e.field()).isEqualTo("dossierItems"));
    v.put("dossierItems", List.of("CASE_REPORT"));
    assertThatCode(() -> FormSchemaCheck.check(dossier, v::get, TODAY)).doesNotThrowAnyException();
  }

  @Test
  void theFeelConditionsOfOurFormsAreEvaluatedAndAnyOtherCountsAsMaybeHidden() {
    String either = "=requiredNonRenewal = null or requiredNonRenewal = \"NONE\"";
    assertThat(FormConditions.holds(either, Map.<String, Object>of()::get)).isTrue();
    assertThat(FormConditions.holds(either, Map.<String, Object>of("requiredNonRenewal", "NONE")::get)).isTrue();
    assertThat(FormConditions.holds(either, Map.<String, Object>of("requiredNonRenewal", "LICENCE_REVOKED")::get))
        .isFalse();
    assertThat(FormConditions.holds("=is empty(returnComment)", Map.<String, Object>of("returnComment", "")::get))
        .isTrue();
    assertThat(FormConditions.holds("=penaltyDeclared != true", Map.<String, Object>of("penaltyDeclared", true)::get))
        .isFalse();
    assertThat(FormConditions.holds("=a = \"X\" and b = 2", Map.<String, Object>of("a", "X", "b", 2L)::get)).isTrue();
    assertThat(FormConditions.holds("=count(items) > 1", Map.<String, Object>of()::get)).as("not evaluated here")
        .isTrue();
  }

  // ------------------------------------------------------------------ helpers

  static void refused(JsonNode form, Map<String, Object> values, String key, Path file) {
    assertThatThrownBy(() -> FormSchemaCheck.check(form, values::get, TODAY)).as(file + " " + key)
        .isInstanceOfSatisfying(DomainRuleException.class, e -> {
          assertThat(e.field()).as(file.toString()).isEqualTo(key);
          assertThat(e.messageZh()).as(file + " " + key).containsPattern("[\\u4e00-\\u9fa5]").contains("「");
        });
  }

  static void collect(JsonNode components, List<JsonNode> inputs) {
    if (components == null) {
      return;
    }
    for (JsonNode c : components) {
      if (c.has("key") && c.get("type").asText().matches("textfield|textarea|number|select|radio|checkbox|checklist"
          + "|taglist|datetime") && !c.path("readonly").asBoolean(false) && !c.path("disabled").asBoolean(false)) {
        inputs.add(c);
      }
      collect(c.get("components"), inputs);
    }
  }

  static Object sample(JsonNode c) {
    JsonNode v = c.path("validate");
    return switch (c.get("type").asText()) {
      case "select", "radio" -> c.has("values") ? c.get("values").get(0).get("value").asText() : "X";
      case "checklist", "taglist" -> c.has("values") ? List.of(c.get("values").get(0).get("value").asText()) : List.of("X");
      case "checkbox" -> true;
      case "number" -> v.has("min") ? v.get("min").decimalValue() : (Object) 1L;
      case "datetime" -> TODAY.minusDays(1).toString();
      default -> v.has("minLength") ? "9".repeat(v.get("minLength").asInt()) : "说明";
    };
  }

  static String firstValue(JsonNode form, String key) {
    List<JsonNode> inputs = new ArrayList<>();
    collect(form.get("components"), inputs);
    return inputs.stream().filter(c -> c.get("key").asText().equals(key)).findFirst().orElseThrow()
        .get("values").get(0).get("value").asText();
  }
}
