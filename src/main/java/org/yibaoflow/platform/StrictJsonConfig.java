package org.yibaoflow.platform;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Strict JSON binding of the domain API (/api): a value of the wrong JSON type is refused, never converted.
 * No float to int (1.5 is not 1), no number or array as a date (20250101 is not epoch day 20250101), dates
 * only as {@code "yyyy-MM-dd"} strings of real days, no scalar coercion ("12" is not 12, 12 is not "12", 0 is
 * not an enum's first constant), null refused for primitives, unknown properties refused (a misspelt
 * {@code "State"} would otherwise be dropped silently and a default used), duplicate keys and trailing
 * tokens refused. The refusals reach ProblemHandler as {@code HttpMessageNotReadableException} and are
 * answered 400 naming the JSON path of the field.
 *
 * <p>Only Spring's ObjectMapper is configured (Spring MVC's message converters). Camunda's REST API
 * (/engine-rest, its own {@code JacksonConfigurator}) and Spin's JSON data format build their own mappers
 * and are not affected.
 */
@Configuration
class StrictJsonConfig {

  @Bean
  Jackson2ObjectMapperBuilderCustomizer strictJsonBinding() {
    return builder -> builder
        .featuresToDisable(DeserializationFeature.ACCEPT_FLOAT_AS_INT, MapperFeature.ALLOW_COERCION_OF_SCALARS,
            DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY, DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS,
            DeserializationFeature.ACCEPT_EMPTY_STRING_AS_NULL_OBJECT)
        .featuresToEnable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
            DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS, DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
            DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY,
            JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
        .deserializerByType(LocalDate.class, new IsoDateDeserializer())
        .postConfigurer(mapper -> {
          // scalar coercions ALLOW_COERCION_OF_SCALARS leaves open: numbers and booleans as text, "" as null
          mapper.coercionConfigFor(LogicalType.Textual)
              .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
              .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
              .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
          for (LogicalType type : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean,
              LogicalType.Enum, LogicalType.DateTime, LogicalType.Collection, LogicalType.POJO}) {
            mapper.coercionConfigFor(type)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, type == LogicalType.Enum || type == LogicalType.DateTime
                    ? CoercionAction.TryConvert : CoercionAction.Fail);
          }
          mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
          mapper.coercionConfigFor(LogicalType.Enum).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
          mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        });
  }

  /** A date is a JSON string {@code yyyy-MM-dd} naming a real day (2025-02-30 is refused, not moved). */
  static final class IsoDateDeserializer extends StdScalarDeserializer<LocalDate> {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd")
        .withResolverStyle(ResolverStyle.STRICT);

    IsoDateDeserializer() {
      super(LocalDate.class);
    }

    @Override
    public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (!p.hasToken(JsonToken.VALUE_STRING)) {
        return (LocalDate) ctxt.handleUnexpectedToken(LocalDate.class, p.currentToken(), p,
            "a date is a string yyyy-MM-dd");
      }
      String text = p.getText();
      try {
        return LocalDate.parse(text, ISO);
      } catch (DateTimeParseException e) {
        return (LocalDate) ctxt.handleWeirdStringValue(LocalDate.class, text, "not a valid date yyyy-MM-dd");
      }
    }

    @Override
    public LogicalType logicalType() {
      return LogicalType.DateTime;
    }
  }
}
