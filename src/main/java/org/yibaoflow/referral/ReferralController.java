package org.yibaoflow.referral;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.yibaoflow.platform.AllowedRoles;
import org.yibaoflow.platform.Role;
import org.springframework.web.bind.annotation.RestController;

/** Transfers of the user's regions: the open ones with their age (supervisors), one, and its feedback. */
@RestController
@RequestMapping("/api/referrals")
class ReferralController {

  private final ReferralService service;

  ReferralController(ReferralService service) {
    this.service = service;
  }

  record FeedbackRequest(@NotNull Referral.FeedbackType type, @NotBlank @Size(max = 4000) String content) {
  }

  @AllowedRoles({Role.SUPERVISOR, Role.LEGAL, Role.CASEWORKER, Role.ADMIN})
  @GetMapping
  List<ReferralService.OpenReferral> open() {
    return service.open();
  }

  @AllowedRoles({Role.SUPERVISOR, Role.LEGAL, Role.CASEWORKER, Role.ADMIN})
  @GetMapping("/{referralNo}")
  Referral get(@PathVariable String referralNo) {
    return service.get(referralNo);
  }

  // R-VIO-11: feedback of the receiving authority, registered by the agency or its legal reviewer
  @AllowedRoles({Role.CASEWORKER, Role.SUPERVISOR, Role.LEGAL})
  @PostMapping("/{referralNo}/feedback")
  @ResponseStatus(HttpStatus.ACCEPTED)
  void feedback(@PathVariable String referralNo, @Valid @RequestBody FeedbackRequest request) {
    service.receiveFeedback(referralNo, request.type(), request.content());
  }
}
