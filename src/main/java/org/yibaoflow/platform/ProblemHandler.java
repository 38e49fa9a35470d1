package org.yibaoflow.platform;

import jakarta.validation.ConstraintViolation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * Every error of the domain API is an RFC 7807 problem: {@code field} and {@code rule} say what was
 * wrong and which rule refused it; {@code detail} is English, {@code detailZh} Chinese.
 */
@RestControllerAdvice(basePackages = "org.yibaoflow")
// before Spring Boot's ProblemDetailsExceptionHandler (spring.mvc.problemdetails.enabled), which would
// otherwise answer bean-validation errors itself, without field and rule
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemHandler {

  @ExceptionHandler(DomainRuleException.class)
  ProblemDetail domainRule(DomainRuleException e) {
    ProblemDetail p = problem(e.status(), e.field(), e.rule(), e.messageZh(), e.messageEn());
    e.properties().forEach(p::setProperty);
    return p;
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ProblemDetail invalidBody(MethodArgumentNotValidException e) {
    List<Map<String, String>> errors = new ArrayList<>();
    e.getBindingResult().getFieldErrors()
        .forEach(f -> errors.add(error(f.getField(), f.getDefaultMessage(), rule(f))));
    // a constraint on the whole body (no field of its own) is about the body: "$", as for unreadable JSON
    e.getBindingResult().getGlobalErrors().stream().filter(g -> !(g instanceof FieldError))
        .forEach(g -> errors.add(error(UnreadableBody.BODY, g.getDefaultMessage())));
    return fieldProblems(errors);
  }

  @ExceptionHandler(HandlerMethodValidationException.class)
  ProblemDetail invalidParameter(HandlerMethodValidationException e) {
    List<Map<String, String>> errors = new ArrayList<>();
    for (ParameterValidationResult r : e.getParameterValidationResults()) {
      String name = r.getMethodParameter().getParameterName();
      if (r instanceof ParameterErrors bean) {
        bean.getFieldErrors().forEach(f -> errors.add(error(f.getField(), f.getDefaultMessage(), rule(f))));
        bean.getGlobalErrors().stream().filter(g -> !(g instanceof FieldError))
            .forEach(g -> errors.add(error(name, g.getDefaultMessage())));
      } else {
        String at = name + (r.getContainerIndex() != null ? "[" + r.getContainerIndex() + "]"
            : r.getContainerKey() != null ? "[" + r.getContainerKey() + "]" : "");
        r.getResolvableErrors().forEach(err -> errors.add(error(at, err.getDefaultMessage())));
      }
    }
    return fieldProblems(errors);
  }

  /** 400 naming the first field (by path, so the answer does not depend on validation order). */
  private static ProblemDetail fieldProblems(List<Map<String, String>> errors) {
    errors.sort(Comparator.comparing((Map<String, String> m) -> m.get("field")).thenComparing(m -> m.get("message")));
    Map<String, String> first = errors.isEmpty() ? error(UnreadableBody.BODY, "") : errors.get(0);
    String field = first.get("field");
    // the platform constraints' messages are "中文 / English" (SaneDate, BirthDate, Year, Amount)
    String message = first.get("message");
    int split = message.indexOf(" / ");
    String zh = split < 0 ? message : message.substring(0, split);
    String en = split < 0 ? message : message.substring(split + 3);
    ProblemDetail p = problem(HttpStatus.BAD_REQUEST, field, first.get("rule"), "输入不合法：" + field + " " + zh,
        "Invalid input: " + field + " " + en);
    p.setProperty("errors", errors);
    return p;
  }

  private static Map<String, String> error(String field, String message) {
    return error(field, message, "INPUT");
  }

  private static Map<String, String> error(String field, String message, String rule) {
    return Map.of("field", field == null ? UnreadableBody.BODY : field, "message", String.valueOf(message), "rule",
        rule);
  }

  /** The rule a constraint names ({@code @Year(rule = "R-EVA-1")}, platform constraints); INPUT otherwise. */
  private static String rule(FieldError f) {
    if (f.contains(ConstraintViolation.class)) {
      Object rule = f.unwrap(ConstraintViolation.class).getConstraintDescriptor().getAttributes().get("rule");
      if (rule instanceof String r && !r.isBlank()) {
        return r;
      }
    }
    return "INPUT";
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ProblemDetail missingParameter(MissingServletRequestParameterException e) {
    return problem(HttpStatus.BAD_REQUEST, e.getParameterName(), "INPUT", "缺少参数：" + e.getParameterName(),
        "Missing parameter: " + e.getParameterName());
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
    return problem(HttpStatus.BAD_REQUEST, e.getName(), "INPUT", "参数格式错误：" + e.getName() + "=" + e.getValue(),
        "Malformed parameter: " + e.getName() + "=" + e.getValue());
  }

  /** Unreadable JSON (strict binding, StrictJsonConfig): 400 naming the JSON path of the field (UnreadableBody). */
  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadable(HttpMessageNotReadableException e) {
    UnreadableBody u = UnreadableBody.of(e);
    ProblemDetail p = problem(HttpStatus.BAD_REQUEST, u.field(), "INPUT", u.zh(), u.en());
    p.setProperty("errors", List.of(Map.of("field", u.field(), "message", u.en())));
    return p;
  }

  /** An upload that is not multipart, or lacks its file part (e.g. the expense batch CSV): 400 naming the part. */
  @ExceptionHandler({org.springframework.web.multipart.MultipartException.class,
      org.springframework.web.multipart.support.MissingServletRequestPartException.class})
  ProblemDetail notMultipart(Exception e) {
    String part = e instanceof org.springframework.web.multipart.support.MissingServletRequestPartException m
        ? m.getRequestPartName() : "file";
    return problem(HttpStatus.BAD_REQUEST, part, "INPUT", "须以 multipart/form-data 上传文件：" + part,
        "Upload the file as multipart/form-data: " + part);
  }

  @ExceptionHandler(AccessDeniedException.class)
  ProblemDetail denied(AccessDeniedException e) {
    return problem(HttpStatus.FORBIDDEN, null, "SECURITY", "无权访问", "Access denied");
  }

  @ExceptionHandler({OptimisticLockingException.class, DuplicateKeyException.class,
      MismatchingMessageCorrelationException.class})
  ProblemDetail conflict(RuntimeException e) {
    return problem(HttpStatus.CONFLICT, null, "CONCURRENCY", "记录已被他人修改或已存在，请刷新后重试",
        "The record was changed by someone else or already exists; reload and try again");
  }

  @ExceptionHandler(NullValueException.class)
  ProblemDetail engineNotFound(NullValueException e) {
    return problem(HttpStatus.NOT_FOUND, null, null, "记录不存在或已处理", "Not found or already handled");
  }

  static ProblemDetail problem(HttpStatus status, String field, String rule, String zh, String en) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(status, en);
    p.setTitle(status.getReasonPhrase());
    p.setProperty("detailZh", zh);
    if (field != null) {
      p.setProperty("field", field);
    }
    if (rule != null) {
      p.setProperty("rule", rule);
    }
    return p;
  }
}
