package org.yibaoflow.objection.process;

import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.yibaoflow.objection.ObjectionTimeline;
import org.yibaoflow.platform.FormCheck;
import org.yibaoflow.platform.FormFacts;

/**
 * What the objection's reviewers decide on besides the grounds and the disputed decision the process carries
 * (issue 15, R-PERS-12): the dates served and received and the windows, from the objection's records.
 */
@Component
class ObjectionFormFacts implements FormFacts {

  private final ObjectionTimeline timeline;

  ObjectionFormFacts(ObjectionTimeline timeline) {
    this.timeline = timeline;
  }

  @Override
  public Set<String> formIds() {
    return Set.of("objection-review", "objection-approval", "objection-administrative-decision");
  }

  @Override
  public Map<String, Object> facts(FormCheck.Submission task) {
    return task.businessKey() == null ? Map.of()
        : Map.of("objectionTimeline", String.join("\n", timeline.lines(task.businessKey())));
  }
}
