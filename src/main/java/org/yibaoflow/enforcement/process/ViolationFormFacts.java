package org.yibaoflow.enforcement.process;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.yibaoflow.enforcement.MeasureClass;
import org.yibaoflow.platform.FormCheck;
import org.yibaoflow.platform.FormFacts;

/** The measure classes of R-VIO-2, lightest first, as the choices of 按异议结果调整处理措施 (issue 15). */
@Component
class ViolationFormFacts implements FormFacts {

  @Override
  public Set<String> formIds() {
    return Set.of("violation-adjust-measures");
  }

  @Override
  public Map<String, Object> facts(FormCheck.Submission task) {
    Map<String, String> measures = new LinkedHashMap<>();
    Arrays.stream(MeasureClass.values()).forEach(m -> measures.put(m.name(), m.zh()));
    return Map.of("measureOptions", FormFacts.options(measures));
  }
}
