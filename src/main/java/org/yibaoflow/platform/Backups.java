package org.yibaoflow.platform;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The administrator's backup of the embedded H2 database (issue 20 item 6, docs/operations.md "Backups"): one
 * {@code SCRIPT TO ... COMPRESSION ZIP} of the whole database (engine tables, domain tables and the schema
 * history together, so processes, jobs and case rows stay consistent), written into the backup directory
 * ({@code yibao.backup.dir}) under a name with the Beijing time, with its SHA-256. It is restored with
 * {@code RUNSCRIPT} into an empty database, with the application stopped (docs/operations.md). PostgreSQL is
 * backed up with {@code pg_dump} by the database's operators, not by the application.
 */
@Service
public class Backups {

  static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

  private final JdbcTemplate jdbc;
  private final Path directory;
  private final Clock clock;
  private final AuditService audit;
  private final boolean h2;

  Backups(DataSource dataSource, @Value("${yibao.backup.dir:backup}") String directory, Clock clock,
      AuditService audit) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.directory = Path.of(directory).toAbsolutePath().normalize();
    this.clock = clock;
    this.audit = audit;
    this.h2 = EngineLock.isH2(dataSource);
  }

  /** One backup file: its name, size in bytes, SHA-256 and when it was taken (Beijing time). */
  public record Backup(String file, long bytes, String sha256, ZonedDateTime takenAt) {
  }

  /**
   * Writes a backup of the whole database now. The audit entry (who, why, which file) is written in the same
   * transaction just before the script, so the backup carries its own record and a failed backup leaves none.
   */
  @Transactional
  public synchronized Backup take(String reason) {
    if (!h2) {
      throw DomainRuleException.conflict("database", "OPS-BACKUP",
          "PostgreSQL 数据库由数据库运维用 pg_dump 备份，见 docs/operations.md「备份」",
          "PostgreSQL is backed up with pg_dump by its operators, see docs/operations.md \"Backups\"");
    }
    ZonedDateTime now = ZonedDateTime.now(clock).withZoneSameInstant(BEIJING);
    Path file = directory.resolve("yibao-flow-" + NAME.format(now) + ".zip");
    for (int n = 2; Files.exists(file); n++) {
      file = directory.resolve("yibao-flow-" + NAME.format(now) + "-" + n + ".zip");
    }
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot create the backup directory " + directory, e);
    }
    audit.record(AuditEntry.of(null, "backup", file.getFileName().toString(), "BACKUP_TAKEN", null, null, null,
        reason, null, "SCRIPT TO " + file));
    // the path is the application's own (directory from configuration, name from the clock), never a user's
    jdbc.execute("SCRIPT TO '" + file.toString().replace("'", "''") + "' COMPRESSION ZIP");
    return describe(file);
  }

  /** The backups in the backup directory, newest first. */
  public List<Backup> list() {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(f -> f.getFileName().toString().matches("yibao-flow-[0-9-]+\\.zip"))
          .sorted((a, b) -> b.getFileName().toString().compareTo(a.getFileName().toString()))
          .map(this::describe).toList();
    } catch (IOException e) {
      throw new IllegalStateException("Cannot list " + directory, e);
    }
  }

  /** Where the backups are written (for the restore, docs/operations.md). */
  public Path directory() {
    return directory;
  }

  private Backup describe(Path file) {
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
      String sha = HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
      return new Backup(file.getFileName().toString(), Files.size(file), sha,
          Files.getLastModifiedTime(file).toInstant().atZone(BEIJING));
    } catch (IOException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("Cannot read the backup " + file, e);
    }
  }
}
