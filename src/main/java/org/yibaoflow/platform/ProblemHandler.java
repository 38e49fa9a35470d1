package org.yibaoflow.platform;

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
    List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
        .map(f -> Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage()))).toList();
    FieldError first = e.getBindingResult().getFieldError();
    String field = first == null ? null : first.getField();
    ProblemDetail p = problem(HttpStatus.BAD_REQUEST, field, "INPUT",
        "输入不合法：" + field + " " + (first == null ? "" : first.getDefaultMessage()),
        "Invalid input: " + field + " " + (first == null ? "" : first.getDefaultMessage()));
    p.setProperty("errors", errors);
    return p;
  }

  @ExceptionHandler(HandlerMethodValidationException.class)
  ProblemDetail invalidParameter(HandlerMethodValidationException e) {
    String field = e.getParameterValidationResults().isEmpty() ? null
        : e.getParameterValidationResults().get(0).getMethodParameter().getParameterName();
    return problem(HttpStatus.BAD_REQUEST, field, "INPUT", "参数不合法：" + field, "Invalid parameter: " + field);
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
