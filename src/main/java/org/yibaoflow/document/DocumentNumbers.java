package org.yibaoflow.document;

import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Numbers of written documents (文号), e.g. 淮医保协〔2026〕12号: the prefix of the region's scheme for the kind (or
 * the region's default prefix), the year in square brackets 〔〕 and the sequence of that prefix in the region and
 * year. The counter row is advanced under its row lock inside the transaction that stores the document, so
 * concurrent documents never share a number and a rolled-back document gives its number back (no gaps). The first
 * counter row of a key is created in a transaction of its own, as {@code platform.CaseNumbers} does: on PostgreSQL
 * a failed insert would abort the document's transaction.
 */
@Component
class DocumentNumbers {

  /** Prefix and letterhead of a region without a scheme of its own. */
  static final String DEFAULT_PREFIX = "医保协";
  static final String DEFAULT_AGENCY = "医疗保障经办机构";
  static final String REGION_DEFAULT = "*";

  private final DocumentMapper mapper;
  private final FirstCounterRow firstRow;

  DocumentNumbers(DocumentMapper mapper, FirstCounterRow firstRow) {
    this.mapper = mapper;
    this.firstRow = firstRow;
  }

  /** A drawn number: the prefix it was counted under, the year and the sequence. */
  record Number(String prefix, int year, long seq) {

    String text() {
      return prefix + "〔" + year + "〕" + seq + "号";
    }
  }

  /** The region's scheme for a kind: the kind's own prefix, else the region's, else the product default. */
  record Scheme(String prefix, String agencyName) {
  }

  Scheme scheme(String region, DocumentKind kind) {
    List<DocumentMapper.SchemeRow> rows = mapper.scheme(region);
    DocumentMapper.SchemeRow regionRow = rows.stream().filter(r -> REGION_DEFAULT.equals(r.kind())).findFirst()
        .orElse(null);
    String agency = regionRow != null && regionRow.agencyName() != null ? regionRow.agencyName() : DEFAULT_AGENCY;
    String prefix = rows.stream().filter(r -> kind.name().equals(r.kind())).map(DocumentMapper.SchemeRow::prefix)
        .findFirst().orElse(regionRow != null ? regionRow.prefix() : DEFAULT_PREFIX);
    return new Scheme(prefix, agency);
  }

  @Transactional(propagation = Propagation.MANDATORY)
  Number next(String region, String prefix, int year) {
    if (mapper.increment(region, prefix, year) == 0) {
      try {
        firstRow.create(region, prefix, year);
      } catch (DuplicateKeyException concurrentFirst) {
        // the other document created it in its own transaction; ours is untouched
      }
      mapper.increment(region, prefix, year);
    }
    return new Number(prefix, year, mapper.current(region, prefix, year));
  }

  @Component
  static class FirstCounterRow {

    private final DocumentMapper mapper;

    FirstCounterRow(DocumentMapper mapper) {
      this.mapper = mapper;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void create(String region, String prefix, int year) {
      mapper.createCounter(region, prefix, year);
    }
  }
}
