package org.yibaoflow.document;

import jakarta.validation.Valid;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.yibaoflow.platform.AllowedRoles;
import org.yibaoflow.platform.DomainRuleException;
import org.yibaoflow.platform.RegionAccess;
import org.yibaoflow.platform.Role;

/**
 * A region's templates and numbering scheme (administrators): download the template in force of a kind, upload
 * the region's own (.docx with poi-tl tags), read and change the agency name and number prefixes.
 */
@RestController
class DocumentSettingsController {

  private final DocumentTemplates templates;
  private final DocumentSchemes schemes;
  private final RegionAccess regionAccess;

  DocumentSettingsController(DocumentTemplates templates, DocumentSchemes schemes, RegionAccess regionAccess) {
    this.templates = templates;
    this.schemes = schemes;
    this.regionAccess = regionAccess;
  }

  @AllowedRoles({Role.ADMIN, Role.SUPERVISOR})
  @GetMapping("/api/regions/{region}/document-templates/{kind}")
  ResponseEntity<byte[]> template(@PathVariable String region, @PathVariable String kind) {
    regionAccess.requireRegion(region);
    DocumentKind k = kind(kind);
    return ResponseEntity.ok().contentType(DocumentController.DOCX)
        .header("Content-Disposition", DocumentController.attachment(k.nameZh() + "-模板.docx"))
        .body(templates.effective(region, k));
  }

  @AllowedRoles({Role.ADMIN})
  @PutMapping("/api/regions/{region}/document-templates/{kind}")
  Map<String, String> upload(@PathVariable String region, @PathVariable String kind, @RequestBody byte[] docx) {
    regionAccess.requireRegion(region);
    DocumentKind k = kind(kind);
    return Map.of("kind", k.name(), "sha256", templates.upload(region, k, docx));
  }

  @AllowedRoles({Role.ADMIN, Role.SUPERVISOR})
  @GetMapping("/api/regions/{region}/document-scheme")
  DocumentSchemes.SchemeView scheme(@PathVariable String region) {
    regionAccess.requireRegion(region);
    return schemes.view(region);
  }

  @AllowedRoles({Role.ADMIN})
  @PutMapping("/api/regions/{region}/document-scheme")
  DocumentSchemes.SchemeView updateScheme(@PathVariable String region, @Valid @RequestBody DocumentSchemes.SchemeView s) {
    regionAccess.requireRegion(region);
    return schemes.update(region, s);
  }

  static DocumentKind kind(String code) {
    return DocumentKind.of(code).orElseThrow(() -> DomainRuleException.badRequest("kind", "DOC-TEMPLATE",
        "未知的文书种类：" + code, "Unknown document kind " + code));
  }
}
