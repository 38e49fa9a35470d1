package org.yibaoflow.platform;

import java.time.OffsetDateTime;

/**
 * One audited change. {@code reason} is mandatory; {@code ruleId} names the rule (R-...) that caused or
 * allowed it; {@code processInstanceId} links the change to its case when a process made it.
 */
public record AuditEntry(
    Long id,
    String region,
    String entityType,
    String entityId,
    String action,
    String fromState,
    String toState,
    String ruleId,
    String reason,
    String actor,
    String processInstanceId,
    String details,
    OffsetDateTime occurredAt) {

  /** A new entry; the actor and the time are filled in by {@link AuditService}. */
  public static AuditEntry of(String region, String entityType, String entityId, String action, String fromState,
      String toState, String ruleId, String reason, String processInstanceId, String details) {
    return new AuditEntry(null, region, entityType, entityId, action, fromState, toState, ruleId, reason, null,
        processInstanceId, details, null);
  }
}
