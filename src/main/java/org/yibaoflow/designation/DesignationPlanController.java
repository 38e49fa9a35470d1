package org.yibaoflow.designation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.yibaoflow.platform.AllowedRoles;
import org.yibaoflow.platform.Role;
import org.yibaoflow.platform.SaneDate;
import org.springframework.web.bind.annotation.RestController;

/**
 * Resource-allocation plans per region (R-DES-5): without one in force, designation applications are refused
 * by the eligibility check. Read by the region's users, recorded by the administrative department, supervisors
 * and administrators.
 */
@RestController
@RequestMapping("/api/regions/{region}/designation-plans")
class DesignationPlanController {

  private final DesignationPlanService plans;

  DesignationPlanController(DesignationPlanService plans) {
    this.plans = plans;
  }

  record PlanRequest(@NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 100) String documentRef,
      @NotNull @SaneDate(rule = "R-DES-5") LocalDate validFrom,
      @SaneDate(rule = "R-DES-5") LocalDate validTo, @NotBlank @Size(max = 2000) String reason) {
  }

  @AllowedRoles({Role.CASEWORKER, Role.SUPERVISOR, Role.ADMINDEPT, Role.ADMIN})
  @GetMapping
  List<DesignationPlan> list(@PathVariable String region) {
    return plans.ofRegion(region);
  }

  // the plan is the region's (医保行政部门, [003 §四]); the agency's department head records it as well
  @AllowedRoles({Role.SUPERVISOR, Role.ADMINDEPT, Role.ADMIN})
  @PostMapping
  DesignationPlan record(@PathVariable String region, @Valid @RequestBody PlanRequest r) {
    return plans.record(region, r.title(), r.documentRef(), r.validFrom(), r.validTo(), r.reason());
  }
}
