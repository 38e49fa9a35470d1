package org.yibaoflow.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.Resource;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys {@code processes/} (BPMN, DMN) and {@code forms/} from the classpath at start-up as the
 * deployment {@value #DEPLOYMENT_NAME}, with stable resource names ({@code processes/x.bpmn}) so a restart
 * from the IDE, the jar or another node compares like with like. See {@link DeploymentPlan}.
 */
@Component
class ProcessDeployer implements InitializingBean {

  static final String DEPLOYMENT_NAME = "yibao-flow";
  private static final Logger LOG = LoggerFactory.getLogger(ProcessDeployer.class);
  private static final List<String> PATTERNS =
      List.of("classpath*:processes/*.bpmn", "classpath*:processes/*.dmn", "classpath*:forms/*.form");

  private final RepositoryService repositoryService;
  private final EngineLock lock;
  private final ObjectMapper objectMapper = new ObjectMapper();

  ProcessDeployer(RepositoryService repositoryService, EngineLock lock) {
    this.repositoryService = repositoryService;
    this.lock = lock;
  }

  @Override
  public void afterPropertiesSet() {
    deploy();
  }

  /** @return the new deployment, or null when nothing changed */
  Deployment deploy() {
    return deploy(shippedResources());
  }

  /**
   * Compares {@code current} (resource name -> content) with the latest deployed versions and deploys what
   * changed, all under the engine's deployment lock in one transaction: of two nodes starting together with a
   * changed file, the second waits for the first and then finds nothing changed (issue 20 item 4).
   *
   * @return the new deployment, or null when nothing changed
   */
  Deployment deploy(Map<String, byte[]> current) {
    return lock.exclusively(() -> compareAndDeploy(current));
  }

  private Deployment compareAndDeploy(Map<String, byte[]> current) {
    Map<String, byte[]> deployed = latestDeployedResources();
    Map<String, Set<String>> formRefs = formReferences(current);
    Set<String> names = DeploymentPlan.resourcesToDeploy(current, deployed, formRefs);
    if (names.isEmpty()) {
      LOG.info("Deployment {}: {} resources unchanged, nothing deployed", DEPLOYMENT_NAME, current.size());
      return null;
    }
    DeploymentBuilder builder = repositoryService.createDeployment().name(DEPLOYMENT_NAME).source(DEPLOYMENT_NAME);
    DeploymentPlan.select(current, names)
        .forEach((name, content) -> builder.addInputStream(name, new ByteArrayInputStream(content)));
    Deployment deployment = builder.deploy();
    LOG.info("Deployment {} ({}): {}", DEPLOYMENT_NAME, deployment.getId(), names);
    return deployment;
  }

  /** resource name -> content of processes/ and forms/ on the classpath. */
  Map<String, byte[]> shippedResources() {
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    Map<String, byte[]> resources = new TreeMap<>();
    try {
      for (String pattern : PATTERNS) {
        String folder = pattern.substring("classpath*:".length(), pattern.indexOf('/') + 1);
        for (org.springframework.core.io.Resource r : resolver.getResources(pattern)) {
          try (InputStream in = r.getInputStream()) {
            resources.put(folder + r.getFilename(), in.readAllBytes());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read processes/ and forms/ from the classpath", e);
    }
    return resources;
  }

  private Map<String, byte[]> latestDeployedResources() {
    Map<String, byte[]> latest = new HashMap<>();
    for (Deployment d : repositoryService.createDeploymentQuery().deploymentName(DEPLOYMENT_NAME)
        .orderByDeploymentTime().desc().list()) {
      for (Resource r : repositoryService.getDeploymentResources(d.getId())) {
        if (!latest.containsKey(r.getName())) {
          try (InputStream in = repositoryService.getResourceAsStreamById(d.getId(), r.getId())) {
            latest.put(r.getName(), in.readAllBytes());
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      }
    }
    return latest;
  }

  /** process resource name -> form resource names its user tasks and start events reference. */
  private Map<String, Set<String>> formReferences(Map<String, byte[]> current) {
    Map<String, String> formResourceById = new HashMap<>();
    current.forEach((name, content) -> {
      if (name.endsWith(".form")) {
        formResourceById.put(formId(name, content), name);
      }
    });
    Map<String, Set<String>> refs = new HashMap<>();
    current.forEach((name, content) -> {
      if (name.endsWith(".bpmn")) {
        BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(content));
        Set<String> forms = new HashSet<>();
        model.getModelElementsByType(UserTask.class).forEach(t -> addForm(forms, formResourceById, t.getCamundaFormRef()));
        model.getModelElementsByType(StartEvent.class).forEach(e -> addForm(forms, formResourceById, e.getCamundaFormRef()));
        refs.put(name, forms);
      }
    });
    return refs;
  }

  private static void addForm(Set<String> forms, Map<String, String> formResourceById, String formRef) {
    if (formRef != null && formResourceById.containsKey(formRef)) {
      forms.add(formResourceById.get(formRef));
    }
  }

  private String formId(String name, byte[] content) {
    try {
      JsonNode id = objectMapper.readTree(content).get("id");
      return id == null ? name : id.asText();
    } catch (IOException e) {
      throw new UncheckedIOException("Form " + name + " is not valid JSON", e);
    }
  }
}
