package org.yibaoflow.platform;

import org.springframework.security.core.AuthenticationException;

/** An HTTP Basic login refused by the {@link LoginThrottle} before any password was checked. */
class LoginThrottledException extends AuthenticationException {

  private final transient LoginThrottle.Refusal refusal;

  LoginThrottledException(LoginThrottle.Refusal refusal) {
    super("Too many failed logins");
    this.refusal = refusal;
  }

  LoginThrottle.Refusal refusal() {
    return refusal;
  }
}
