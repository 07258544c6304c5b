package dev.infradoc.collect.terraform;

import dev.infradoc.model.Evidence;
import java.util.HashSet;
import java.util.Set;
import org.openrewrite.hcl.tree.Expression;
import org.openrewrite.hcl.tree.Hcl;

/** Finds every reference in an expression and hands it to the module instance to resolve. */
final class RefWalker {

  /** Resolves one reference found at {@code at}; {@code scope} decides indexes such as count.index. */
  interface Resolver {
    void resolve(Traversal t, Scope scope, Evidence at, Refs into);
  }

  private final Resolver resolver;

  RefWalker(Resolver resolver) {
    this.resolver = resolver;
  }

  void walk(Expression e, Scope scope, Evidence at, Refs into) {
    walk(e, scope, at, into, Set.of());
  }

  private void walk(Expression e, Scope scope, Evidence at, Refs into, Set<String> bound) {
    if (e == null) return;
    Traversal t = Traversal.of(e);
    if (t != null) {
      if (!bound.contains(t.root()) && scope.binding(t.root()) == null) resolver.resolve(t, scope, at, into);
      for (Traversal.Step s : t.steps()) {
        if (s instanceof Traversal.Index ix) walk(ix.key(), scope, at, into, bound);
      }
      return;
    }
    if (e instanceof Hcl.QuotedTemplate q) {
      q.getExpressions().forEach(x -> walk(x, scope, at, into, bound));
    } else if (e instanceof Hcl.HeredocTemplate h) {
      h.getExpressions().forEach(x -> walk(x, scope, at, into, bound));
    } else if (e instanceof Hcl.TemplateInterpolation ti) {
      walk(ti.getExpression(), scope, at, into, bound);
    } else if (e instanceof Hcl.Parentheses p) {
      walk(p.getExpression(), scope, at, into, bound);
    } else if (e instanceof Hcl.Tuple tu) {
      tu.getValues().forEach(x -> walk(x, scope, at, into, bound));
    } else if (e instanceof Hcl.ObjectValue o) {
      for (Expression a : o.getAttributes()) {
        if (a instanceof Hcl.Attribute attr) {
          if (attr.getName() instanceof Hcl.Parentheses) walk(attr.getName(), scope, at, into, bound);
          walk(attr.getValue(), scope, at, into, bound);
        }
      }
    } else if (e instanceof Hcl.Conditional c) {
      walk(c.getCondition(), scope, at, into, bound);
      walk(c.getTruePart(), scope, at, into, bound);
      walk(c.getFalsePart(), scope, at, into, bound);
    } else if (e instanceof Hcl.Unary u) {
      walk(u.getExpression(), scope, at, into, bound);
    } else if (e instanceof Hcl.Binary b) {
      walk(b.getLeft(), scope, at, into, bound);
      walk(b.getRight(), scope, at, into, bound);
    } else if (e instanceof Hcl.FunctionCall f) {
      f.getVariables().forEach(x -> walk(x, scope, at, into, bound));
    } else if (e instanceof Hcl.ForTuple ft) {
      walk(ft.getIntro().getIn(), scope, at, into, bound);
      Set<String> inner = with(bound, ft.getIntro());
      walk(ft.getUpdateName(), scope, at, into, inner);
      walk(ft.getCondition(), scope, at, into, inner);
    } else if (e instanceof Hcl.ForObject fo) {
      walk(fo.getIntro().getIn(), scope, at, into, bound);
      Set<String> inner = with(bound, fo.getIntro());
      walk(fo.getUpdateName(), scope, at, into, inner);
      walk(fo.getUpdateValue(), scope, at, into, inner);
      walk(fo.getCondition(), scope, at, into, inner);
    } else if (e instanceof Hcl.Splat s) {
      walk(s.getSelect(), scope, at, into, bound);
    } else if (e instanceof Hcl.Index i) {
      walk(i.getIndexed(), scope, at, into, bound);
      walk(i.getPosition().getPosition(), scope, at, into, bound);
    } else if (e instanceof Hcl.AttributeAccess a) {
      walk(a.getAttribute(), scope, at, into, bound);
    }
  }

  private static Set<String> with(Set<String> bound, Hcl.ForIntro intro) {
    Set<String> inner = new HashSet<>(bound);
    intro.getVariables().forEach(v -> inner.add(v.getName()));
    return inner;
  }
}
