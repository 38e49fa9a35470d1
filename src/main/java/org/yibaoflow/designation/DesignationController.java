package org.yibaoflow.designation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Filing a designation application (定点申请): starts the process {@code designation}. An institution banned
 * after termination is refused at once with 409 naming R-VIO-9, and no case is started.
 */
@RestController
@RequestMapping("/api/designation-applications")
class DesignationController {

  private final DesignationService service;

  DesignationController(DesignationService service) {
    this.service = service;
  }

  record ApplicationRequest(@NotBlank @Size(max = 200) String institutionName, @NotBlank String institutionType,
      @NotBlank @Size(min = 18, max = 18) String creditCode, @Size(max = 64) String region) {
  }

  record ApplicationFiled(String applicationNo, String region, String status, String processInstanceId) {
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  ApplicationFiled apply(@Valid @RequestBody ApplicationRequest request) {
    DesignationApplication a = service.apply(request.region(), request.institutionName(), request.institutionType(),
        request.creditCode());
    return new ApplicationFiled(a.applicationNo(), a.region(), a.status(), a.processInstanceId());
  }
}
