package org.yibaoflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.mock.http.MockHttpInputMessage;

/** Strict binding (StrictJsonConfig) and the field a refusal names (UnreadableBody), without a server. */
class StrictJsonTest {

  enum Kind { PRACTICE, DRUG_TRADING }

  record Licence(Kind kind, LocalDate validFrom) {
  }

  record Request(String name, Integer value, BigDecimal amount, Boolean flag, List<Long> ids,
      List<Licence> licences) {
  }

  record WithPrimitive(boolean primitive) {
  }

  private static final ObjectMapper MAPPER = mapper();

  private static ObjectMapper mapper() {
    Jackson2ObjectMapperBuilder builder = Jackson2ObjectMapperBuilder.json();
    new StrictJsonConfig().strictJsonBinding().customize(builder);
    return builder.build();
  }

  /** The problem's field for a body, as ProblemHandler answers it (null: the body was read). */
  private static UnreadableBody refusal(String json) {
    Throwable t = catchThrowable(() -> MAPPER.readValue(json, Request.class));
    if (t == null) {
      return null;
    }
    return UnreadableBody.of(new HttpMessageNotReadableException("unreadable", t,
        new MockHttpInputMessage(json.getBytes())));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "{\"value\":1.5}|value",
      "{\"value\":\"12\"}|value",
      "{\"value\":999999999999}|value",
      "{\"value\":1e309}|value",
      "{\"name\":12345}|name",
      "{\"name\":true}|name",
      "{\"name\":{\"a\":1}}|name",
      "{\"amount\":\"12.5\"}|amount",
      "{\"flag\":1}|flag",
      "{\"flag\":\"true\"}|flag",
      "{\"ids\":\"x\"}|ids",
      "{\"ids\":[1.5]}|ids[0]",
      "{\"ids\":[\"1\"]}|ids[0]",
      "{\"licences\":[{\"validFrom\":20250101}]}|licences[0].validFrom",
      "{\"licences\":[{\"validFrom\":[2025,1,1]}]}|licences[0].validFrom",
      "{\"licences\":[{\"validFrom\":\"2025-13-45\"}]}|licences[0].validFrom",
      "{\"licences\":[{\"validFrom\":\"2025-02-30\"}]}|licences[0].validFrom",
      "{\"licences\":[{\"validFrom\":\"2025-01-01T00:00\"}]}|licences[0].validFrom",
      "{\"licences\":[{\"validFrom\":\"\"}]}|licences[0].validFrom",
      "{\"licences\":[{\"kind\":0}]}|licences[0].kind",
      "{\"licences\":[{\"kind\":\"practice\"}]}|licences[0].kind",
      "{\"licences\":[{\"kind\":\"PRACTICE\",\"Kind\":\"X\"}]}|licences[0].Kind",
      "{\"licences\":[{\"kind\":tru}]}|licences[0].kind",
      "{\"nmae\":\"x\"}|nmae",
      "{\"name\":\"a\",\"name\":\"b\"}|name",
      "{|$",
      "not json|$",
      "[]|$",
      "\"text\"|$",
      "{} {}|$"})
  void aWrongValueIsRefusedNamingItsPath(String json, String field) {
    UnreadableBody u = refusal(json);
    assertThat(u).as(json).isNotNull();
    assertThat(u.field()).as(json).isEqualTo(field);
    assertThat(u.zh()).isNotBlank();
    assertThat(u.en()).isNotBlank();
  }

  @Test
  void rightValuesAreRead() throws Exception {
    Request r = MAPPER.readValue("{\"name\":\"淮北\",\"value\":3,\"amount\":12.5,\"flag\":true,"
        + "\"ids\":[1,2],\"licences\":[{\"kind\":\"PRACTICE\",\"validFrom\":\"2024-02-29\"}]}", Request.class);
    assertThat(r.value()).isEqualTo(3);
    assertThat(r.amount()).isEqualByComparingTo("12.5");
    assertThat(r.licences().get(0).validFrom()).isEqualTo(LocalDate.of(2024, 2, 29));
    // an integral number is a valid decimal amount
    assertThat(MAPPER.readValue("{\"amount\":12}", Request.class).amount()).isEqualByComparingTo("12");
  }

  @Test
  void nullIsNoPrimitive() {
    Throwable t = catchThrowable(() -> MAPPER.readValue("{\"primitive\":null}", WithPrimitive.class));
    assertThat(UnreadableBody.of(new HttpMessageNotReadableException("unreadable", t,
        new MockHttpInputMessage(new byte[0]))).field()).isEqualTo("primitive");
  }

  @Test
  void aMissingBodyIsTheWholeBody() {
    UnreadableBody u = UnreadableBody.of(new HttpMessageNotReadableException("Required request body is missing",
        new MockHttpInputMessage(new byte[0])));
    assertThat(u.field()).isEqualTo("$");
  }
}
