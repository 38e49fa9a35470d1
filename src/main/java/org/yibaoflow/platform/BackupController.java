package org.yibaoflow.platform;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The administrator's backup of the embedded H2 database ({@link Backups}; issue 20 item 6). The file stays on
 * the server, in the backup directory; nothing of it is sent over HTTP. On PostgreSQL the answer is 409 naming
 * pg_dump (docs/operations.md).
 */
@RestController
class BackupController {

  private final Backups backups;

  BackupController(Backups backups) {
    this.backups = backups;
  }

  record BackupRequest(@NotBlank @Size(max = 500) String reason) {
  }

  @AllowedRoles({Role.ADMIN})
  @PostMapping("/api/admin/backups")
  @ResponseStatus(HttpStatus.CREATED)
  Backups.Backup take(@Valid @RequestBody BackupRequest r) {
    return backups.take(r.reason());
  }

  @AllowedRoles({Role.ADMIN})
  @GetMapping("/api/admin/backups")
  List<Backups.Backup> list() {
    return backups.list();
  }
}
