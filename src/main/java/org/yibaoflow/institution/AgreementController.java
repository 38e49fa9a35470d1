package org.yibaoflow.institution;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Arrays;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yibaoflow.platform.AllowedRoles;
import org.yibaoflow.platform.Role;
import org.yibaoflow.platform.DomainRuleException;

/** Agreements: read one, move it along the state machine, show the state machine's table. */
@RestController
@RequestMapping("/api/agreements")
class AgreementController {

  private final AgreementService agreements;
  private final AgreementCorrectionService corrections;

  AgreementController(AgreementService agreements, AgreementCorrectionService corrections) {
    this.agreements = agreements;
    this.corrections = corrections;
  }

  @AllowedRoles({Role.CASEWORKER, Role.EXPERT, Role.SUPERVISOR, Role.LEGAL, Role.ADMINDEPT, Role.MODELER, Role.ADMIN})
  @GetMapping("/transitions")
  List<AgreementStateMachine.Transition> table() {
    return AgreementStateMachine.table();
  }

  @AllowedRoles({Role.CASEWORKER, Role.SUPERVISOR, Role.LEGAL, Role.ADMINDEPT, Role.ADMIN})
  @GetMapping("/{id}")
  Agreement get(@PathVariable long id) {
    return agreements.visible(id);
  }

  /**
   * An administrator's data correction of the recorded state (reason mandatory, audited as CORRECTION, no ban):
   * the legal acts themselves happen in the processes. {@code processInstanceId} may name the deciding case.
   */
  @AllowedRoles({Role.ADMIN})
  @PostMapping("/{id}/transitions")
  TransitionResult transition(@PathVariable long id, @Valid @RequestBody TransitionRequest r) {
    agreements.visible(id);
    AgreementState to = Arrays.stream(AgreementState.values()).filter(s -> s.name().equals(r.to())).findFirst()
        .orElseThrow(() -> DomainRuleException.badRequest("to", r.ruleId(), "目标状态不存在：" + r.to(),
            "Unknown target state: " + r.to()));
    return corrections.correct(id, new TransitionCommand(to, r.cause(), r.ruleId(), r.reason(),
        r.processInstanceId()));
  }

  record TransitionRequest(
      @NotBlank @Size(max = 24) String to,
      @NotBlank @Size(max = 40) String cause,
      @NotBlank @Size(max = 20) @Pattern(regexp = "R-[A-Z]+-[0-9]+") String ruleId,
      @NotBlank @Size(max = 2000) String reason,
      @Size(max = 64) String processInstanceId) {
  }
}
