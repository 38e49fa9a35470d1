package org.yibaoflow.platform;

import jakarta.ws.rs.core.Response.Status;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;

/**
 * The engine's outermost command interceptor (issue 13, item 6). During a request to {@code /engine-rest} or the
 * webapps' engine API ({@link EngineRestRequests}) engine exceptions become the REST API's own exception with the
 * right status and its JSON body: a lost race (optimistic locking) 409, an unknown id or another region's 404, a
 * refused form field 400 — where the REST resources would otherwise answer 500. Elsewhere (domain services, jobs)
 * exceptions pass unchanged. The form-field rule itself is {@link TaskChangeGuard} (tasks) and
 * {@link StartGuard} (starts).
 */
class EngineBoundaryInterceptor extends CommandInterceptor {

  @Override
  public <T> T execute(Command<T> command) {
    try {
      return next.execute(command);
    } catch (RuntimeException e) {
      throw answer(e);
    }
  }

  /** The exception to throw: translated for the REST APIs during one of their requests, else unchanged. */
  static RuntimeException answer(RuntimeException e) {
    return EngineRestRequests.active() ? translate(e) : e;
  }

  private static RuntimeException translate(RuntimeException e) {
    if (e instanceof InvalidRequestException || e instanceof AuthorizationException) {
      return e;
    }
    if (e instanceof OptimisticLockingException || lockConflict(e)) {
      return new InvalidRequestException(Status.CONFLICT, e, "Someone else changed this at the same time; reload "
          + "and try again (已被他人同时办理，请刷新后重试): " + e.getMessage());
    }
    if (e instanceof FormFieldValidationException) {
      return new InvalidRequestException(Status.BAD_REQUEST, e, e.getMessage());
    }
    if (e instanceof org.camunda.bpm.engine.exception.NotFoundException
        || e instanceof ProcessEngineException && notFound(e.getMessage())) {
      // one answer for an unknown id and another region's: the body does not tell that the id exists
      return new InvalidRequestException(Status.NOT_FOUND, "Not found, or not of your region "
          + "(不存在，或不属于您所在的统筹地区)");
    }
    if (e instanceof NullValueException) {
      // a required value the request left out
      return new InvalidRequestException(Status.BAD_REQUEST, e, e.getMessage());
    }
    return e;
  }

  /** A row lock held past the database's timeout, or a serialization failure: the same race, lost. */
  private static boolean lockConflict(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof org.springframework.dao.ConcurrencyFailureException) {
        return true;
      }
      if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
          && (sql.getSQLState().startsWith("40") || "HYT00".equals(sql.getSQLState()))) {
        return true;
      }
    }
    return false;
  }

  /** Unknown ids (NullValueException / NotFoundException) and another region's records (tenant check). */
  private static boolean notFound(String message) {
    if (message == null) {
      return false;
    }
    String m = message.toLowerCase();
    return m.contains("cannot find") || m.contains("not found") || m.contains("does not exist")
        || m.contains("doesn't exist")
        || m.contains("no authenticated tenant") || m.contains("no processes deployed") || m.contains("no deployed") && m.contains("found");
  }
}
