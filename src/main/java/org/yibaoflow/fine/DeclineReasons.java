package org.yibaoflow.fine;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.yibaoflow.platform.DomainRuleException;

/**
 * The reasons the administrative department may give for not fining (不予行政处罚), read from
 * {@code fine/decline-reasons.json}: the form offers them as a checklist, the service accepts no other (R-VIO-10).
 */
@Component
public class DeclineReasons {

  public record Reason(String value, String label) {
  }

  private final List<Reason> reasons;
  private final Map<String, Reason> byValue;

  public DeclineReasons() {
    try (InputStream in = DeclineReasons.class.getResourceAsStream("/fine/decline-reasons.json")) {
      reasons = List.copyOf(new ObjectMapper().readValue(in, new TypeReference<List<Reason>>() { }));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byValue = reasons.stream().collect(Collectors.toMap(Reason::value, Function.identity()));
  }

  public List<Reason> all() {
    return reasons;
  }

  /** The chosen reasons in words; 400 when none is chosen or one is not in the list. */
  public String text(Object chosen) {
    Collection<?> values = chosen instanceof Collection<?> c ? c : chosen == null ? List.of()
        : List.of(String.valueOf(chosen).replaceAll("[\\[\\]\"]", "").split("\\s*,\\s*"));
    List<String> labels = values.stream().map(String::valueOf).filter(v -> !v.isBlank()).map(v -> {
      Reason r = byValue.get(v.trim());
      if (r == null) {
        throw DomainRuleException.badRequest("declineReasons", "R-VIO-10", "不予处罚理由须从清单中选择：" + v,
            "Unknown decline reason " + v);
      }
      return r.label();
    }).toList();
    if (labels.isEmpty()) {
      throw DomainRuleException.badRequest("declineReasons", "R-VIO-10", "不予处罚须至少选择一项理由",
          "At least one decline reason is required");
    }
    return String.join("；", labels);
  }
}
