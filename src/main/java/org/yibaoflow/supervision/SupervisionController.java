package org.yibaoflow.supervision;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yibaoflow.platform.AllowedRoles;
import org.yibaoflow.platform.RegionAccess;
import org.yibaoflow.platform.Role;

/**
 * The supervision page's figures as JSON, for the page and for an agency's own dashboards: the user's regions only.
 * Supervisors and administrators; everybody else 403.
 */
@RestController
@RequestMapping("/api/supervision")
@AllowedRoles({Role.SUPERVISOR, Role.ADMIN})
class SupervisionController {

  private final OverviewService overview;
  private final DeadlineService deadlines;
  private final IncidentService incidents;
  private final RegionAccess regions;

  SupervisionController(OverviewService overview, DeadlineService deadlines, IncidentService incidents,
      RegionAccess regions) {
    this.overview = overview;
    this.deadlines = deadlines;
    this.incidents = incidents;
    this.regions = regions;
  }

  @GetMapping("/overview")
  OverviewService.Overview overview() {
    return overview.overview(regions.visibleRegions());
  }

  /** What falls due before the end of the N-th working day from today, and what is overdue (R-TIME-1). */
  @GetMapping("/deadlines")
  DeadlineService.Deadlines deadlines(@RequestParam(defaultValue = "5") int withinWorkingDays,
      @RequestParam(defaultValue = "" + DeadlineService.LIST_LIMIT) int limit) {
    return deadlines.deadlines(regions.visibleRegions(), withinWorkingDays, limit);
  }

  @GetMapping("/incidents")
  List<IncidentService.IncidentView> incidents() {
    return incidents.incidents(regions.visibleRegions());
  }

  @PostMapping("/incidents/{incidentId}/retry")
  IncidentService.Retried retry(@PathVariable String incidentId) {
    return incidents.retry(incidentId);
  }
}
