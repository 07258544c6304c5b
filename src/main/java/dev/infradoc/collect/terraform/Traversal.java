package dev.infradoc.collect.terraform;

import java.util.ArrayList;
import java.util.List;
import org.openrewrite.hcl.tree.Expression;
import org.openrewrite.hcl.tree.Hcl;

/**
 * A reference written as a chain, such as {@code aws_subnet.private[count.index].id} or {@code
 * module.vpc.private_subnet_ids}: a root name and its steps. Built from the parser's tree.
 */
record Traversal(String root, List<Step> steps, Expression expression) {

  /** One step of a traversal. */
  sealed interface Step {}

  record Attr(String name) implements Step {}

  record Index(Expression key) implements Step {}

  record Splat() implements Step {}

  /** The traversal an expression is, or null when it is something else (a call, a literal...). */
  static Traversal of(Expression e) {
    List<Step> steps = new ArrayList<>();
    String root = walk(e, steps);
    return root == null ? null : new Traversal(root, List.copyOf(steps), e);
  }

  private static String walk(Expression e, List<Step> steps) {
    if (e instanceof Hcl.VariableExpression v) {
      return v.getName().getName();
    }
    if (e instanceof Hcl.AttributeAccess a) {
      String root = walk(a.getAttribute(), steps);
      if (root == null) return null;
      steps.add(new Attr(a.getPadding().getName().getElement().getName()));
      return root;
    }
    if (e instanceof Hcl.Index i) {
      String root = walk(i.getIndexed(), steps);
      if (root == null) return null;
      steps.add(new Index(i.getPosition().getPosition()));
      return root;
    }
    if (e instanceof Hcl.Splat s) {
      String root = walk(s.getSelect(), steps);
      if (root == null) return null;
      steps.add(new Splat());
      return root;
    }
    if (e instanceof Hcl.LegacyIndexAttributeAccess l) {
      String root = walk(l.getBase().getElement(), steps);
      if (root == null) return null;
      steps.add(new Index(l.getIndex()));
      return root;
    }
    return null;
  }

  /** The name of step {@code i} when it is an attribute, else null. */
  String attr(int i) {
    return i < steps.size() && steps.get(i) instanceof Attr a ? a.name() : null;
  }
}
