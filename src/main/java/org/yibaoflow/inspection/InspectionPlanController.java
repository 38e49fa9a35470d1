package org.yibaoflow.inspection;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yibaoflow.platform.AllowedRoles;
import org.yibaoflow.platform.Role;
import org.yibaoflow.platform.Year;

/**
 * The yearly inspection plan (年度稽核检查计划, R-VIO-14). POST: the supervisor opens the region's plan of a year
 * (201, its process started) or gets the existing one (200; one plan per region and year). GET: its progress
 * against the minimums, the shortfall named by rule ID, and the institutions at risk (the supervision figure).
 */
@RestController
@RequestMapping("/api/inspection-plans")
class InspectionPlanController {

  private final InspectionPlanService plans;
  private final PlanProgressService progress;

  InspectionPlanController(InspectionPlanService plans, PlanProgressService progress) {
    this.plans = plans;
    this.progress = progress;
  }

  /** R-VIO-14: the current year or the next. */
  record PlanRequest(@NotBlank @Size(max = 64) String region,
      @NotNull @Year(rule = "R-VIO-14", yearsAhead = 1) Integer year) {
  }

  @AllowedRoles({Role.SUPERVISOR})
  @PostMapping
  ResponseEntity<PlanProgressService.Progress> open(@Valid @RequestBody PlanRequest request) {
    InspectionPlanService.Opened opened = plans.openAsSupervisor(request.region(), request.year());
    return ResponseEntity.status(opened.created() ? HttpStatus.CREATED : HttpStatus.OK)
        .body(progress.visible(opened.plan().planNo()));
  }

  @AllowedRoles({Role.SUPERVISOR, Role.ADMIN})
  @GetMapping("/{planNo}/progress")
  PlanProgressService.Progress progress(@PathVariable String planNo) {
    return progress.visible(planNo);
  }
}
