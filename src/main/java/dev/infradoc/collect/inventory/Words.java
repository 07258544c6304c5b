package dev.infradoc.collect.inventory;

import java.util.ArrayList;
import java.util.List;

/** Splits an INI inventory line into words the way Ansible's shlex does for the simple cases: spaces, quotes, # comments. */
final class Words {
  private Words() {}

  static List<String> split(String line, String at) throws InventoryException {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    char quote = 0;
    boolean any = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        if (c == quote) quote = 0;
        else cur.append(c);
      } else if (c == '"' || c == '\'') {
        quote = c;
        any = true;
      } else if (c == '#' && cur.length() == 0 && !any) {
        break;
      } else if (Character.isWhitespace(c)) {
        if (cur.length() > 0 || any) out.add(cur.toString());
        cur.setLength(0);
        any = false;
      } else {
        cur.append(c);
      }
    }
    if (quote != 0) throw new InventoryException(at + ": unclosed quote");
    if (cur.length() > 0 || any) out.add(cur.toString());
    if (out.isEmpty()) throw new InventoryException(at + ": empty line");
    return out;
  }
}
