package org.yibaoflow.platform;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which processes a user may start from outside (Tasklist, {@code /engine-rest}), and with which role (issue 13,
 * item 3). Every other definition — the reusable call activities ({@code document-production},
 * {@code rectification}, {@code objection}, {@code referral}, {@code public-notice}), {@code annual-evaluation}
 * (started in batches by its campaign), {@code personnel-scoring} (started by the scoring service when a
 * deduction reaches a measure band, R-PERS-6) and any definition a modeler deploys later — is started by the
 * engine alone: by a call activity, or by the application's own services running as the engine
 * ({@link EngineAsApplication}). Deny by default: a key missing here cannot be started by a user.
 */
public final class ProcessEntries {

  /**
   * Entry process key -> roles that may start it. The modeler may start each entry process to try a diagram in
   * the regions they belong to (tenant checks still apply).
   */
  static final Map<String, Set<Role>> ENTRIES = Map.of(
      // R-DES-1: a caseworker registers an application for designation
      "designation", Set.of(Role.CASEWORKER, Role.MODELER),
      // R-VIO-1: a caseworker opens a violation case (complaint, monitoring, inspection)
      "violation-case", Set.of(Role.CASEWORKER, Role.MODELER),
      // R-EVA-1: the supervisor opens the year's annual evaluation of the region
      "evaluation-campaign", Set.of(Role.SUPERVISOR, Role.MODELER),
      // R-VIO-14: the supervisor opens the year's inspection plan of the region
      "inspection-plan", Set.of(Role.SUPERVISOR, Role.MODELER),
      // R-VIO-1: a caseworker registers a report received by phone, letter or visit (the public page starts it as
      // the engine, ReportIntake)
      "whistleblower-report", Set.of(Role.CASEWORKER, Role.MODELER));

  private ProcessEntries() {
  }

  public static boolean isEntry(String processDefinitionKey) {
    return ENTRIES.containsKey(processDefinitionKey);
  }

  /** True when a member of these groups may start the process from outside. */
  public static boolean mayStart(String processDefinitionKey, List<String> groupIds) {
    Set<Role> roles = ENTRIES.get(processDefinitionKey);
    return roles != null && groupIds != null
        && groupIds.stream().map(Role::ofGroup).anyMatch(r -> r.isPresent() && roles.contains(r.get()));
  }
}
