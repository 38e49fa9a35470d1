package org.yibaoflow.whistleblower;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A named reporter as a request gives it (bounded; docs/security.md). */
record ReporterRequest(@NotBlank @Size(max = 100) String name,
    @Size(max = 30) @Pattern(regexp = "[0-9+\\- ]*") String phone,
    @Size(max = 18) @Pattern(regexp = "[0-9Xx]*") String idNumber,
    @Size(max = 200) String address) {

  ReporterIdentities.Reporter toReporter() {
    return new ReporterIdentities.Reporter(name, phone, idNumber, address);
  }
}
