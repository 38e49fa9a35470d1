package org.yibaoflow.referral;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The dossier each kind of transfer needs: data in {@code referral/dossier-checklists.json}, not code. */
@Component
public class DossierChecklists {

  /** One item, shaped as Camunda Forms' options ({@code label}, {@code value}). */
  public record Item(String value, String label) {
  }

  private final Map<Referral.Kind, List<Item>> items = new EnumMap<>(Referral.Kind.class);

  DossierChecklists(ObjectMapper objectMapper) {
    try (InputStream in = getClass().getResourceAsStream("/referral/dossier-checklists.json")) {
      JsonNode root = objectMapper.readTree(in);
      for (Referral.Kind kind : Referral.Kind.values()) {
        List<Item> list = new ArrayList<>();
        JsonNode node = root.get(kind.name());
        if (node == null) {
          throw new IllegalStateException("referral/dossier-checklists.json has no checklist for " + kind);
        }
        node.get("items").forEach(i -> list.add(new Item(i.get("value").asText(), i.get("label").asText())));
        items.put(kind, List.copyOf(list));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public List<Item> items(Referral.Kind kind) {
    return items.get(kind);
  }
}
