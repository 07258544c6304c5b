package dev.infradoc.collect.terraform;

import java.util.Map;

/** The names an expression can see: variables, locals, count/each, module outputs and bound names. */
interface Scope {

  /** A name bound by a for expression or a dynamic block iterator; null when not bound. */
  TfValue binding(String name);

  /**
   * {@code root.name}: {@code var.x}, {@code local.x}, {@code count.index}, {@code each.key},
   * {@code module.x} (its outputs); null when the code does not determine it.
   */
  TfValue member(String root, String name);

  /** The files file() and templatefile() may read; null where there are none (state, tests). */
  default TfFiles files() {
    return null;
  }

  Scope EMPTY = new Scope() {
    public TfValue binding(String name) {
      return null;
    }

    public TfValue member(String root, String name) {
      return null;
    }
  };

  /** This scope with more bound names (for expressions, dynamic block iterators). */
  default Scope bind(Map<String, TfValue> names) {
    Scope parent = this;
    return new Scope() {
      public TfValue binding(String name) {
        TfValue v = names.get(name);
        return v != null ? v : parent.binding(name);
      }

      public TfValue member(String root, String name) {
        return names.containsKey(root) ? null : parent.member(root, name);
      }

      public TfFiles files() {
        return parent.files();
      }
    };
  }
}
