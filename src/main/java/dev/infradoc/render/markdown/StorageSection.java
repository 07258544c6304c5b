package dev.infradoc.render.markdown;

import static dev.infradoc.render.markdown.Markdown.text;

import dev.infradoc.model.Component;
import dev.infradoc.render.View;
import dev.infradoc.render.iac.Describe;
import dev.infradoc.render.iac.Placement;
import dev.infradoc.render.iac.Rules;
import dev.infradoc.render.iac.Template;
import dev.infradoc.render.iac.Traffic;
import java.util.ArrayList;
import java.util.List;

/** Declared data stores: engine, size, HA, backups, encryption, access and protection, each value with its line. */
final class StorageSection {
  private static final String[] COLUMNS = {"engine", "size", "ha", "backup", "encryption", "access", "protection"};
  private final View view;
  private final Describe describe;
  private final Placement placement;

  StorageSection(View view) {
    this.view = view;
    Traffic traffic = Traffic.of(view.model());
    this.describe = Describe.of(view.model());
    this.placement = Placement.of(view.model());
  }

  /** Renders declared stores; false when there are none. Resources that only configure a store are folded into it. */
  boolean render(StringBuilder md) {
    List<Component> stores = view.byRole().get("data").stream().filter(c -> c.host().isEmpty() && !isFacetOrPlumbing(c)).toList();
    if (stores.isEmpty()) return false;
    md.append("Values as declared; _not stated_ means the code leaves the provider default. Settings resources "
        + "(bucket versioning, encryption, public access blocks) are shown with their bucket.\n\n");
    ComponentTable table = new ComponentTable("Store", "Engine", "Size", "Placement", "HA", "Backups", "Encryption", "Access", "Protection", "Evidence");
    for (Component c : stores) {
      List<String> row = new ArrayList<>(List.of(text(view.label(c))));
      List<Template.Filled> filled = new ArrayList<>();
      for (String col : COLUMNS) {
        Template.Filled f = describe.column("stores", col, c);
        filled.add(f);
        String value = f.isEmpty() && col.equals("engine") ? c.technology() + (c.version().isEmpty() ? "" : " " + c.version()) : f.text();
        row.add(text(value.isEmpty() ? "not stated" : value));
        if (col.equals("size")) row.add(text(or(placement.describe(c))));
      }
      row.add(ScalingSection.evidence(c, filled.toArray(Template.Filled[]::new)));
      table.add(c, row.toArray(String[]::new));
    }
    table.render(md);
    md.append("\n");
    return true;
  }

  /** A subnet group or a bucket setting: part of a store, not a store of its own. */
  private boolean isFacetOrPlumbing(Component c) {
    String type = c.attribute("terraform.type");
    if (type.isEmpty()) return false;
    if (Rules.get().usesExcept.matcher(type).matches()) return true;
    return false;
  }

  private static String or(String s) {
    return s.isEmpty() ? "not stated" : s;
  }
}
