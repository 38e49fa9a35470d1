package org.yibaoflow.document.process;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The data of a personnel measure case's documents (人员记分告知书, 人员处理决定书; 004 §六(一)), read from its rows,
 * not from variables: the person, the year's points and the band reached with its rule (R-PERS-3..6; a failed
 * yearly test R-PERS-2), the deductions of the inspection that reached it, the institutions it is addressed to.
 */
@Component
class PersonnelCaseFacts {

  private final CaseFactsMapper mapper;

  PersonnelCaseFacts(CaseFactsMapper mapper) {
    this.mapper = mapper;
  }

  /** The tags of the case's documents, or an empty map when the case is not a personnel measure case. */
  Map<String, Object> data(String caseNo) {
    Map<String, Object> d = new HashMap<>();
    CaseFactsMapper.PersonnelFacts f = caseNo == null ? null : mapper.personnelCase(caseNo);
    if (f == null) {
      return d;
    }
    d.put("personName", f.personName() + "（" + f.nationalCode() + "）");
    d.put("points", f.total());
    d.put("year", f.pointsYear());
    boolean test = "FAILED_TEST".equals(f.measure());
    d.put("rule", test ? "R-PERS-2" : "R-PERS-6");
    List<String> deductions = f.inspectionId() == null ? List.of() : mapper.deductions(f.inspectionId());
    String deducted = deductions.isEmpty() ? "" : String.join("；", deductions) + "，";
    d.put("findings", test ? "年度考试未合格" : deducted + f.pointsYear() + "年度累计记" + f.total() + "分");
    List<String> institutions = mapper.institutionsOf(f.personId());
    if (!institutions.isEmpty()) {
      d.put("institutionName", String.join("、", institutions));
    }
    return d;
  }
}
