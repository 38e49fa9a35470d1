package org.yibaoflow.whistleblower;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yibaoflow.platform.DomainRuleException;
import org.yibaoflow.whistleblower.WhistleblowerReport.Channel;

/**
 * The public reporting page's API (no login, docs/whistleblower.md): the regions to choose from, a report (returns
 * only the receipt code), and the progress of a report by its receipt code (status and dates, nothing else).
 * Throttled per client ({@link PublicRateLimit}: 429 with Retry-After).
 */
@RestController
@RequestMapping(path = "/public/reports", produces = MediaType.APPLICATION_JSON_VALUE)
class PublicReportController {

  record PublicReport(@NotBlank @Size(max = 64) String region, @NotBlank @Size(max = 200) String institutionName,
      @NotBlank @Size(max = 4000) String content, @Valid ReporterRequest reporter) {
  }

  record ProgressRequest(@NotBlank @Size(max = 40) String receiptCode) {
  }

  /** The receipt: the code (shown once) and the status; the report's number stays internal. */
  record PublicReceipt(String receiptCode, String statusZh) {
  }

  private final ReportIntake intake;
  private final PublicRateLimit limit;

  PublicReportController(ReportIntake intake, PublicRateLimit limit) {
    this.intake = intake;
    this.limit = limit;
  }

  @GetMapping("/regions")
  List<ReportIntake.Region> regions() {
    return intake.regions();
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  PublicReceipt report(@Valid @RequestBody PublicReport body, HttpServletRequest request,
      HttpServletResponse response) {
    throttle(PublicRateLimit.Kind.REPORT, request, response);
    ReportIntake.Receipt r = intake.receivePublic(new ReportIntake.NewReport(body.region(), Channel.ONLINE,
        body.institutionName(), body.content(), body.reporter() == null ? null : body.reporter().toReporter()));
    return new PublicReceipt(r.receiptCode(), r.statusZh());
  }

  @PostMapping(path = "/progress", consumes = MediaType.APPLICATION_JSON_VALUE)
  ReportIntake.Progress progress(@Valid @RequestBody ProgressRequest body, HttpServletRequest request,
      HttpServletResponse response) {
    throttle(PublicRateLimit.Kind.QUERY, request, response);
    return intake.progress(body.receiptCode());
  }

  private void throttle(PublicRateLimit.Kind kind, HttpServletRequest request, HttpServletResponse response) {
    limit.acquire(kind, request.getRemoteAddr()).ifPresent(wait -> {
      long seconds = Math.max(1, wait.plus(Duration.ofMillis(999)).toSeconds());
      response.setHeader("Retry-After", String.valueOf(seconds));
      throw new DomainRuleException(HttpStatus.TOO_MANY_REQUESTS, null, "RATE_LIMIT",
          "提交过于频繁，请 " + seconds + " 秒后再试", "Too many requests; try again in " + seconds + " s");
    });
  }
}
