package org.yibaoflow.inspection.process;

import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import org.yibaoflow.inspection.YearEndScreening;

/** 年终筛查 (R-VIO-14): institutions with abnormal indicators get a 核查书; their reviews follow. */
@Component("screenYearEndDelegate")
class ScreenYearEndDelegate implements JavaDelegate {

  private final YearEndScreening screening;

  ScreenYearEndDelegate(YearEndScreening screening) {
    this.screening = screening;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var ids = screening.screen(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
    execution.setVariable("yearEndInspections", Variables.objectValue(new ArrayList<>(ids))
        .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
  }
}
