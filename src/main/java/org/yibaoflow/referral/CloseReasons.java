package org.yibaoflow.referral;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.yibaoflow.platform.DomainRuleException;

/**
 * Why a declined transfer is not sent again (终结移送, R-VIO-11), read from {@code referral/close-reasons.json}: the
 * form 处理退回的移送 offers them as a checklist with Chinese labels (issue 15, item 4: reasons as a choice from
 * data, no code typed or shown), with a free-text explanation, required for 其他. The audit records the labels.
 */
@Component
public class CloseReasons {

  public static final String OTHER = "OTHER";

  public record Reason(String value, String label) {
  }

  private final Map<String, String> labels = new LinkedHashMap<>();

  public CloseReasons() {
    try (InputStream in = CloseReasons.class.getResourceAsStream("/referral/close-reasons.json")) {
      new ObjectMapper().readValue(in, new TypeReference<List<Reason>>() { })
          .forEach(r -> labels.put(r.value(), r.label()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The reasons by value, in the catalogue's order: the checklist's choices. */
  public Map<String, String> all() {
    return java.util.Collections.unmodifiableMap(labels);
  }

  /**
   * The reason to record: the chosen reasons in words, then the explanation. 400 naming {@code closeReasons} when
   * none is chosen or one is not in the list, {@code closeReason} when 其他 is chosen without an explanation or the
   * explanation is longer than 2,000 characters.
   */
  public String text(Object chosen, String explanation) {
    List<String> values = values(chosen);
    if (values.isEmpty()) {
      throw DomainRuleException.badRequest("closeReasons", "R-VIO-11", "终结移送须从列表中选择至少一项理由",
          "Choose at least one reason to close the transfer");
    }
    StringBuilder text = new StringBuilder();
    for (String v : values) {
      String label = labels.get(v);
      if (label == null) {
        throw DomainRuleException.badRequest("closeReasons", "R-VIO-11", "终结理由须从列表中选择（" + v + " 不在其中）",
            "Unknown close reason " + v);
      }
      text.append(text.length() == 0 ? "" : "；").append(label);
    }
    String note = explanation == null ? null : explanation.trim();
    if (values.contains(OTHER) && (note == null || note.isEmpty())) {
      throw DomainRuleException.badRequest("closeReason", "R-VIO-11", "选择“其他”时须在说明中写明终结理由",
          "Explain the reason when choosing OTHER");
    }
    if (note != null && note.length() > 2000) {
      throw DomainRuleException.badRequest("closeReason", "INPUT", "说明不能超过 2000 字", "closeReason is at most 2000 characters");
    }
    return note == null || note.isEmpty() ? text.toString() : text + "。说明：" + note;
  }

  private static List<String> values(Object chosen) {
    if (chosen == null) {
      return List.of();
    }
    Collection<?> items = chosen instanceof Collection<?> c ? c
        : List.of(String.valueOf(chosen).replaceAll("[\\[\\]\"]", "").split("\\s*,\\s*"));
    return items.stream().map(String::valueOf).map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
  }
}
