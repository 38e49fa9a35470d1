package org.yibaoflow.whistleblower;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yibaoflow.platform.AllowedRoles;
import org.yibaoflow.platform.Role;
import org.yibaoflow.whistleblower.WhistleblowerReport.Channel;
import org.yibaoflow.whistleblower.WhistleblowerReport.ReporterIdentity;

/**
 * Reports of the user's regions: a caseworker registers one received by phone, letter or visit; caseworkers,
 * supervisors and legal reviewers read it without its reporter; only the 举报人信息专员 ({@code reportdesk}) reads
 * and records the named reporter (R-VIO-15, docs/whistleblower.md).
 */
@RestController
@RequestMapping("/api/whistleblower-reports")
class WhistleblowerController {

  record RegisterRequest(@Size(max = 64) String region, @NotNull Channel channel,
      @NotBlank @Size(max = 200) String institutionName, @NotBlank @Size(max = 4000) String content,
      @Valid ReporterRequest reporter) {
  }

  private final ReportIntake intake;
  private final ReportHandling handling;
  private final ReporterIdentities identities;

  WhistleblowerController(ReportIntake intake, ReportHandling handling, ReporterIdentities identities) {
    this.intake = intake;
    this.handling = handling;
    this.identities = identities;
  }

  // R-VIO-1: a report received by phone, letter or visit; the caseworker tells the reporter the receipt code
  @AllowedRoles(Role.CASEWORKER)
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  ReportIntake.Receipt register(@Valid @RequestBody RegisterRequest request) {
    return intake.register(new ReportIntake.NewReport(request.region(), request.channel(), request.institutionName(),
        request.content(), request.reporter() == null ? null : request.reporter().toReporter()));
  }

  @AllowedRoles({Role.CASEWORKER, Role.SUPERVISOR, Role.LEGAL, Role.REPORTDESK, Role.ADMIN})
  @GetMapping("/{reportNo}")
  WhistleblowerReport get(@PathVariable String reportNo) {
    return handling.visible(reportNo);
  }

  // R-VIO-15: the named reporter, for the reportdesk of the report's region only
  @AllowedRoles(Role.REPORTDESK)
  @GetMapping("/{reportNo}/reporter")
  ReporterIdentity reporter(@PathVariable String reportNo) {
    return identities.read(reportNo);
  }

  @AllowedRoles(Role.REPORTDESK)
  @PutMapping("/{reportNo}/reporter")
  ReporterIdentity recordReporter(@PathVariable String reportNo, @Valid @RequestBody ReporterRequest request) {
    return identities.record(reportNo, request.toReporter());
  }
}
