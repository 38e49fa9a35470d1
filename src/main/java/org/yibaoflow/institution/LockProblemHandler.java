package org.yibaoflow.institution;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A row held by another transaction past the database's lock timeout (a concurrent transition of the
 * same agreement or person) is a conflict like a lost optimistic lock: 409, nothing written.
 */
@RestControllerAdvice(basePackages = "org.yibaoflow")
@Order(Ordered.LOWEST_PRECEDENCE)
class LockProblemHandler {

  @ExceptionHandler(PessimisticLockingFailureException.class)
  ProblemDetail lockTimeout(PessimisticLockingFailureException e) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
        "The record is being changed by someone else; try again");
    p.setTitle(HttpStatus.CONFLICT.getReasonPhrase());
    p.setProperty("detailZh", "记录正在被他人修改，请稍后重试");
    p.setProperty("rule", "CONCURRENCY");
    return p;
  }
}
