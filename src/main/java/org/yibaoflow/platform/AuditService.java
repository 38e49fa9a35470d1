package org.yibaoflow.platform;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit trail. Called inside the transaction of the change it records, so a change and its entry
 * are written together or not at all. A change without a reason is refused.
 */
@Service
public class AuditService {

  /** The actor of changes made by the engine's job executor or at start-up. */
  public static final String SYSTEM = "system";

  private final AuditMapper mapper;
  private final IdentityService identityService;
  private final Clock clock;

  AuditService(AuditMapper mapper, IdentityService identityService, Clock clock) {
    this.mapper = mapper;
    this.identityService = identityService;
    this.clock = clock;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public AuditEntry record(AuditEntry entry) {
    if (entry.reason() == null || entry.reason().isBlank()) {
      throw DomainRuleException.badRequest("reason", "AUDIT", "每一项状态变更都须说明理由",
          "Every state change needs a reason");
    }
    AuditEntry complete = new AuditEntry(null, entry.region(), entry.entityType(), entry.entityId(), entry.action(),
        entry.fromState(), entry.toState(), entry.ruleId(), entry.reason().trim(),
        entry.actor() != null ? entry.actor() : currentActor(), entry.processInstanceId(), entry.details(),
        OffsetDateTime.now(clock));
    mapper.insert(complete);
    return complete;
  }

  @Transactional(readOnly = true)
  public List<AuditEntry> history(String entityType, String entityId) {
    return mapper.findByEntity(entityType, entityId);
  }

  /** The user of the HTTP request, else the user the engine runs a command for, else {@value #SYSTEM}. */
  public String currentActor() {
    var authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null && authentication.getPrincipal() instanceof EngineUser user) {
      return user.userId();
    }
    Authentication engine = identityService.getCurrentAuthentication();
    return engine != null && engine.getUserId() != null ? engine.getUserId() : SYSTEM;
  }
}
