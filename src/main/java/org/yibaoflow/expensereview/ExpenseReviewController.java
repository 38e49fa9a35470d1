package org.yibaoflow.expensereview;

import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.yibaoflow.platform.AllowedRoles;
import org.yibaoflow.platform.DomainRuleException;
import org.yibaoflow.platform.RegionAccess;
import org.yibaoflow.platform.Role;

/**
 * Expense review (费用审核, R-VIO-13): a settlement batch arrives as JSON (the settlement system) or as a CSV
 * upload (a caseworker); its figures and refusals per batch. 201 for a new batch, 200 when the settlement
 * reference was submitted before (the existing batch), 400 naming field and rule for bad input.
 */
@RestController
@RequestMapping("/api/expense-batches")
class ExpenseReviewController {

  private final ExpenseBatchService service;
  private final ClaimVerdicts verdicts;
  private final RegionAccess regions;

  ExpenseReviewController(ExpenseBatchService service, ClaimVerdicts verdicts, RegionAccess regions) {
    this.service = service;
    this.verdicts = verdicts;
    this.regions = regions;
  }

  record BatchRequest(@Size(max = 64) String region, @NotBlank @Size(max = 64) String settlementRef,
      @DecimalMin(value = "0", inclusive = false) @DecimalMax("100") @Digits(integer = 3, fraction = 2)
      BigDecimal sampleRatioPercent,
      @NotEmpty @Size(max = 200_000) List<@NotNull @Valid ClaimInput> claims) {
  }

  record BatchSubmitted(String batchNo, String region, String status, int claims, BigDecimal sampleRatio,
      String processInstanceId, boolean created) {
  }

  @AllowedRoles({Role.CASEWORKER, Role.SUPERVISOR, Role.ADMIN})
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<BatchSubmitted> submit(@Valid @RequestBody BatchRequest r) {
    return answer(new ExpenseBatchService.Submission(r.region(), r.settlementRef(), r.sampleRatioPercent(),
        r.claims()));
  }

  @AllowedRoles({Role.CASEWORKER, Role.SUPERVISOR})
  @PostMapping("/upload")
  ResponseEntity<BatchSubmitted> upload(@RequestParam("file") MultipartFile file,
      @RequestParam("settlementRef") String settlementRef,
      @RequestParam(value = "sampleRatioPercent", required = false) String sampleRatioPercent,
      @RequestParam(value = "region", required = false) String region) {
    BigDecimal ratio;
    try {
      ratio = sampleRatioPercent == null || sampleRatioPercent.isBlank() ? null
          : new BigDecimal(sampleRatioPercent.trim());
    } catch (NumberFormatException e) {
      throw DomainRuleException.badRequest("sampleRatioPercent", "R-VIO-13", "复审抽查比例须为数字（百分比，如 5 表示 5%）",
          "sampleRatioPercent must be a number (percent, e.g. 5 for 5 %)");
    }
    List<ClaimInput> claims;
    try {
      claims = ClaimCsv.parse(file.getInputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return answer(new ExpenseBatchService.Submission(region, settlementRef, ratio, claims));
  }

  private ResponseEntity<BatchSubmitted> answer(ExpenseBatchService.Submission submission) {
    ExpenseBatchService.Submitted s;
    try {
      s = service.submit(submission);
    } catch (DuplicateKeyException concurrent) {
      // a concurrent submission of the same settlement reference: nothing of this one was written
      s = service.submit(submission);
    }
    ClaimBatch b = s.batch();
    return ResponseEntity.status(s.created() ? HttpStatus.CREATED : HttpStatus.OK).body(new BatchSubmitted(
        b.batchNo(), b.region(), b.status(), b.claimCount(), b.sampleRatio(), b.processInstanceId(), s.created()));
  }

  @AllowedRoles({Role.CASEWORKER, Role.SUPERVISOR, Role.LEGAL, Role.ADMIN})
  @GetMapping
  List<ClaimBatch> list() {
    return service.list();
  }

  @AllowedRoles({Role.CASEWORKER, Role.SUPERVISOR, Role.LEGAL, Role.ADMIN})
  @GetMapping("/{batchNo}")
  ExpenseBatchService.BatchView get(@PathVariable String batchNo) {
    return service.visible(batchNo);
  }

  @AllowedRoles({Role.CASEWORKER, Role.SUPERVISOR, Role.LEGAL, Role.ADMIN})
  @GetMapping("/{batchNo}/claims")
  List<Claim> claims(@PathVariable String batchNo, @RequestParam String institutionCode,
      @RequestParam String stage) {
    return verdicts.claims(batchNo, institutionCode, stage, regions.visibleRegions());
  }
}
