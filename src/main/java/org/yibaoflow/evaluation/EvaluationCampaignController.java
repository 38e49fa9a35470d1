package org.yibaoflow.evaluation;

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
import org.yibaoflow.platform.AllowedRoles;
import org.yibaoflow.platform.Role;
import org.yibaoflow.platform.Year;
import org.springframework.web.bind.annotation.RestController;

/**
 * The year's evaluation campaign of a region (R-EVA-1). POST opens it (201) or starts an interrupted one again
 * (200, same campaign, nothing started twice); the instances are started in the background in batches.
 * GET shows its progress and the region's online-signing rate (R-DES-4).
 */
@RestController
@RequestMapping("/api/evaluation-campaigns")
class EvaluationCampaignController {

  private final EvaluationCampaignService service;

  EvaluationCampaignController(EvaluationCampaignService service) {
    this.service = service;
  }

  /** R-EVA-1: a natural year from 2000 to the current one. */
  record CampaignRequest(@NotBlank @Size(max = 64) String region, @NotNull @Year(rule = "R-EVA-1") Integer year) {
  }

  @AllowedRoles({Role.SUPERVISOR})
  @PostMapping
  ResponseEntity<CampaignProgress> open(@Valid @RequestBody CampaignRequest request) {
    EvaluationCampaignService.Opened opened = service.openAsSupervisor(request.region(), request.year());
    return ResponseEntity.status(opened.created() ? HttpStatus.CREATED : HttpStatus.OK)
        .body(service.progress(opened.campaign().id()));
  }

  @AllowedRoles({Role.CASEWORKER, Role.SUPERVISOR, Role.ADMIN})
  @GetMapping("/{id}")
  CampaignProgress progress(@PathVariable long id) {
    return service.progress(id);
  }
}
