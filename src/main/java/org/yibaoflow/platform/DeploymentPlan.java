package org.yibaoflow.platform;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides what a start-up deployment contains. Unchanged files make no new version; a changed file is
 * deployed together with what it must share a deployment with, because {@code camunda:formRef} with
 * binding {@code deployment} resolves forms only inside the process's own deployment:
 * a changed process brings the forms it references, a changed form brings the processes that reference it
 * (which in turn bring all their forms).
 */
final class DeploymentPlan {

  private DeploymentPlan() {
  }

  /**
   * @param current resource name -> content of the files shipped now
   * @param deployed resource name -> content of the latest deployed version
   * @param formRefsByProcess process resource name -> resource names of the forms it references
   * @return the resource names to deploy, empty when nothing changed
   */
  static Set<String> resourcesToDeploy(Map<String, byte[]> current, Map<String, byte[]> deployed,
      Map<String, Set<String>> formRefsByProcess) {
    Set<String> changed = new TreeSet<>();
    current.forEach((name, content) -> {
      byte[] previous = deployed.get(name);
      if (previous == null || !Arrays.equals(previous, content)) {
        changed.add(name);
      }
    });
    Set<String> result = new TreeSet<>(changed);
    for (String name : changed) {
      formRefsByProcess.forEach((process, forms) -> {
        if (forms.contains(name)) {
          result.add(process);
        }
      });
    }
    for (String process : Set.copyOf(result)) {
      for (String form : formRefsByProcess.getOrDefault(process, Set.of())) {
        if (current.containsKey(form)) {
          result.add(form);
        }
      }
    }
    return result;
  }

  static Map<String, byte[]> select(Map<String, byte[]> current, Set<String> names) {
    Map<String, byte[]> selected = new LinkedHashMap<>();
    names.forEach(n -> selected.put(n, current.get(n)));
    return selected;
  }
}
