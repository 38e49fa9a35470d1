package org.yibaoflow.supervision;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;

/** Finds any kind of case by its number (the business key): kind, region, institution or party, status. */
@Component
class CaseDirectory {

  /** The kinds of case and what users call them. */
  static final Map<String, String> KIND_ZH = Map.of(
      "VIOLATION", "违约案件",
      "DESIGNATION", "定点申请",
      "OBJECTION", "异议",
      "REFERRAL", "案件移送",
      "PERSONNEL", "相关人员处理",
      "EVALUATION", "年度考核");

  private final SupervisionMapper mapper;

  CaseDirectory(SupervisionMapper mapper) {
    this.mapper = mapper;
  }

  Map<String, SupervisionMapper.CaseRef> find(Collection<String> caseNos) {
    List<String> nos = caseNos.stream().filter(Objects::nonNull).distinct().toList();
    Map<String, SupervisionMapper.CaseRef> found = new HashMap<>();
    for (int i = 0; i < nos.size(); i += 500) {
      for (SupervisionMapper.CaseRef ref : mapper.cases(new ArrayList<>(nos.subList(i, Math.min(nos.size(), i + 500))))) {
        found.put(ref.caseNo(), ref);
      }
    }
    return found;
  }

  SupervisionMapper.CaseRef find(String caseNo) {
    return find(List.of(caseNo)).get(caseNo);
  }
}
