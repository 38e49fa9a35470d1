package org.yibaoflow.institution;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.yibaoflow.platform.AllowedRoles;
import org.yibaoflow.platform.Role;
import org.springframework.web.bind.annotation.RestController;

/** Region settings: read by the region's users, changed by administrators (camunda-admin). */
@RestController
@RequestMapping("/api/regions/{region}/settings")
class RegionSettingsController {

  private final RegionSettingsService settings;

  RegionSettingsController(RegionSettingsService settings) {
    this.settings = settings;
  }

  @AllowedRoles({Role.CASEWORKER, Role.SUPERVISOR, Role.LEGAL, Role.ADMINDEPT, Role.MODELER, Role.ADMIN})
  @GetMapping
  List<RegionSettingValue> list(@PathVariable String region) {
    return settings.list(region);
  }

  @AllowedRoles({Role.ADMIN})
  @PutMapping("/{key}")
  RegionSettingValue update(@PathVariable String region, @PathVariable String key,
      @Valid @RequestBody SettingRequest r) {
    return settings.update(region, key, r.value(), r.reason());
  }

  record SettingRequest(@NotNull Integer value, @NotBlank @Size(max = 2000) String reason) {
  }
}
