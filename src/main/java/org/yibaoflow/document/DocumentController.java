package org.yibaoflow.document;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.yibaoflow.platform.SaneDate;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.yibaoflow.platform.AllowedRoles;
import org.yibaoflow.platform.DomainRuleException;
import org.yibaoflow.platform.RegionAccess;
import org.yibaoflow.platform.Role;

/**
 * The documents of a case and their files: {@code GET /api/cases/{caseNo}/documents} (the case file lists them),
 * {@code GET /api/documents/{id}} (the .docx), {@code POST /api/documents/{id}/service} (送达 recorded). Region
 * checked: another region's case or document is 404.
 */
@RestController
class DocumentController {

  static final MediaType DOCX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

  private final DocumentService service;
  private final RegionAccess regionAccess;

  DocumentController(DocumentService service, RegionAccess regionAccess) {
    this.service = service;
    this.regionAccess = regionAccess;
  }

  /** The public contract the case file reads (keep stable): every key present, null until served. */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record DocumentView(long id, String kind, String kindName, String number, OffsetDateTime createdAt,
      LocalDate servedAt, String serviceMethod, String servedBy, String sha256, String fileName) {

    static DocumentView of(Document d) {
      return new DocumentView(d.id(), d.kind(), d.kindName(), d.number(), d.createdAt(), d.servedOn(),
          d.serviceMethod(), d.servedBy(), d.sha256(), d.fileName());
    }
  }

  /** Bounds: the columns of document (service_method VARCHAR(20), served_by VARCHAR(64)). */
  record ServiceRequest(@NotNull @SaneDate(yearsAhead = 0, rule = "R-TIME-1") LocalDate servedOn, @NotBlank @Size(max = 20) String method,
      @Size(max = 64) String servedBy) {
  }

  @AllowedRoles({Role.CASEWORKER, Role.EXPERT, Role.SUPERVISOR, Role.LEGAL, Role.ADMINDEPT, Role.ADMIN})
  @GetMapping("/api/cases/{caseNo}/documents")
  List<DocumentView> ofCase(@PathVariable String caseNo) {
    return service.ofCase(caseNo).stream().map(DocumentView::of).toList();
  }

  // the report desk pays whistle-blower rewards and opens the reward notice of its task (R-VIO-15), nothing else
  @AllowedRoles({Role.CASEWORKER, Role.EXPERT, Role.SUPERVISOR, Role.LEGAL, Role.ADMINDEPT, Role.REPORTDESK, Role.ADMIN})
  @GetMapping("/api/documents/{id}")
  ResponseEntity<byte[]> file(@PathVariable long id) {
    Document d = service.visible(id);
    if (!DocumentKind.REWARD_NOTICE.name().equals(d.kind()) && onlyReportDesk()) {
      throw DomainRuleException.notFound("文书 / document", String.valueOf(id));
    }
    byte[] content = service.content(id);
    return ResponseEntity.ok().contentType(DOCX)
        .header(HttpHeaders.CONTENT_DISPOSITION, attachment(d.fileName()))
        .header("X-Document-Number", URLEncoder.encode(d.number(), StandardCharsets.UTF_8))
        .header("X-Content-SHA256", d.sha256())
        .body(content);
  }

  /** Whether the user's only role here is the report desk's (other roles read every document of their regions). */
  private boolean onlyReportDesk() {
    List<String> groups = regionAccess.currentUser().groupIds();
    return groups.contains(Role.REPORTDESK.groupId()) && Arrays.stream(Role.values())
        .filter(r -> r != Role.REPORTDESK).noneMatch(r -> groups.contains(r.groupId()));
  }

  @AllowedRoles({Role.CASEWORKER, Role.SUPERVISOR, Role.ADMIN})
  @PostMapping("/api/documents/{id}/service")
  DocumentView recordService(@PathVariable long id, @Valid @RequestBody ServiceRequest r) {
    return DocumentView.of(service.recordService(id, r.servedOn(), r.method(), r.servedBy()));
  }

  /** RFC 6266 / 5987: an ASCII fallback and the UTF-8 name (Chinese kind names). */
  static String attachment(String fileName) {
    String ascii = fileName.replaceAll("[^A-Za-z0-9._-]", "_");
    return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
        + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
