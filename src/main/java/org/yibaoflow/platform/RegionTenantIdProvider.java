package org.yibaoflow.platform;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.context.BpmnExecutionContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * Every process instance belongs to one region (tenant). Definitions are deployed once, shared by all
 * regions; each new instance takes its tenant from, in order: the calling instance (call activities), the
 * start variable {@code region}, or the starting user's single region. A user may not start an instance in
 * a region they do not belong to. A decision evaluated outside a business rule task (a delegate or service
 * calling DecisionService) gets the tenant of the case being executed, else the requesting user's single region.
 */
public class RegionTenantIdProvider implements TenantIdProvider {

  private static final ThreadLocal<String> REGION_OF_CALL = new ThreadLocal<>();

  /** The start variable naming the region (tenant id) of a new case. */
  public static final String REGION_VARIABLE = "region";

  @Override
  public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext ctx) {
    DelegateExecution superExecution = ctx.getSuperExecution();
    if (superExecution != null) {
      return superExecution.getTenantId();
    }
    Object region = ctx.getVariables() == null ? null : ctx.getVariables().get(REGION_VARIABLE);
    Authentication auth = currentAuthentication();
    List<String> userTenants = auth == null || auth.getTenantIds() == null ? List.of() : auth.getTenantIds();
    if (region instanceof String r && !r.isBlank()) {
      if (auth != null && auth.getUserId() != null && !userTenants.contains(r)) {
        // answered 403 by the REST API
        throw new AuthorizationException(auth.getUserId(), "CREATE_INSTANCE", "Tenant (region)", r);
      }
      return r;
    }
    if (userTenants.size() == 1) {
      return userTenants.get(0);
    }
    // the REST API passes only authorization failures through (anything else becomes a 500): 403 naming the fix
    throw new AuthorizationException("A user of several regions must name the region of a new case: set the variable '"
        + REGION_VARIABLE + "' (属于多个统筹地区的用户新建案件时须指定统筹地区)");
  }

  @Override
  public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext ctx) {
    if (ctx.getExecution() != null) {
      return ctx.getExecution().getTenantId();
    }
    // a standalone evaluation (DecisionService) from a delegate or listener: the case being executed
    BpmnExecutionContext executing = Context.getBpmnExecutionContext();
    if (executing != null && executing.getExecution() != null && executing.getExecution().getTenantId() != null) {
      return executing.getExecution().getTenantId();
    }
    // a domain service naming the region of its evaluation (EngineAsApplication.callInRegion)
    if (REGION_OF_CALL.get() != null) {
      return REGION_OF_CALL.get();
    }
    // from a domain service on a user's request: the user's region
    Authentication auth = currentAuthentication();
    return auth != null && auth.getTenantIds() != null && auth.getTenantIds().size() == 1
        ? auth.getTenantIds().get(0) : null;
  }

  @Override
  public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext ctx) {
    return null;
  }

  static <T> T inRegion(String region, java.util.function.Supplier<T> call) {
    String outer = REGION_OF_CALL.get();
    REGION_OF_CALL.set(region);
    try {
      return call.get();
    } finally {
      if (outer == null) {
        REGION_OF_CALL.remove();
      } else {
        REGION_OF_CALL.set(outer);
      }
    }
  }

  private static Authentication currentAuthentication() {
    return Context.getCommandContext() == null ? null
        : Context.getCommandContext().getAuthentication();
  }
}
