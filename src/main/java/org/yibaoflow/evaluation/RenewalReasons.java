package org.yibaoflow.evaluation;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The deferral cases (缓签, R-EVA-4 [003 §二(一)]) and the 15 non-renewal cases (不再签订, R-EVA-5
 * [003 §二(二)]) as data: resources/evaluation/renewal-reasons.json, each a code with its clause and family.
 */
public final class RenewalReasons {

  /** No case: the value the forms and the DMN tables use for "none". */
  public static final String NONE = "NONE";
  /** 不合格 alone (R-EVA-2): not one of the 15 cases but a non-renewal reason too. */
  public static final String FAILED_EVALUATION = "FAILED_EVALUATION";
  public static final String FAILED_EVALUATION_TWICE = "FAILED_EVALUATION_TWICE";

  public record Reason(String code, String clause, String family, String appliesTo, String zh) {

    boolean appliesTo(String institutionType) {
      return "ALL".equals(appliesTo) || appliesTo.equals(institutionType);
    }
  }

  record File(String source, List<Reason> deferral, List<Reason> nonRenewal) {
  }

  private static final RenewalReasons SHIPPED = load();

  private final Map<String, Reason> deferral = new LinkedHashMap<>();
  private final Map<String, Reason> nonRenewal = new LinkedHashMap<>();

  private RenewalReasons(File file) {
    file.deferral().forEach(r -> deferral.put(r.code(), r));
    file.nonRenewal().forEach(r -> nonRenewal.put(r.code(), r));
  }

  public static RenewalReasons shipped() {
    return SHIPPED;
  }

  static RenewalReasons load() {
    try (InputStream in = RenewalReasons.class.getResourceAsStream("/evaluation/renewal-reasons.json")) {
      if (in == null) {
        throw new IllegalStateException("evaluation/renewal-reasons.json is missing");
      }
      return new RenewalReasons(new ObjectMapper().readValue(in, File.class));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public List<Reason> deferralCases() {
    return List.copyOf(deferral.values());
  }

  public List<Reason> nonRenewalCases() {
    return List.copyOf(nonRenewal.values());
  }

  public Optional<Reason> deferral(String code) {
    return Optional.ofNullable(deferral.get(code));
  }

  public Optional<Reason> nonRenewal(String code) {
    return Optional.ofNullable(nonRenewal.get(code));
  }

  /** The clause of any reason code the renewal decision gives (for notices and audit). */
  public String clause(String code) {
    if (FAILED_EVALUATION.equals(code) || FAILED_EVALUATION_TWICE.equals(code)) {
      return "002 §二(一)2";
    }
    Reason r = nonRenewal.containsKey(code) ? nonRenewal.get(code) : deferral.get(code);
    return r == null ? "002 §二(一)" : r.clause();
  }

  public String zh(String code) {
    if (FAILED_EVALUATION.equals(code)) {
      return "年度考核不合格";
    }
    if (FAILED_EVALUATION_TWICE.equals(code)) {
      return "连续两年年度考核不合格";
    }
    Reason r = nonRenewal.containsKey(code) ? nonRenewal.get(code) : deferral.get(code);
    return r == null ? "" : r.zh();
  }
}
