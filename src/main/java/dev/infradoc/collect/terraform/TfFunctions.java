package dev.infradoc.collect.terraform;

import dev.infradoc.collect.terraform.TfValue.Bool;
import dev.infradoc.collect.terraform.TfValue.ListV;
import dev.infradoc.collect.terraform.TfValue.MapV;
import dev.infradoc.collect.terraform.TfValue.Null;
import dev.infradoc.collect.terraform.TfValue.Num;
import dev.infradoc.collect.terraform.TfValue.Str;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The pure Terraform functions that decide names, counts and CIDRs in real code. A function not
 * listed here, or called with a value that is not known, gives null: the call stays as written.
 */
final class TfFunctions {
  private TfFunctions() {}

  static TfValue call(String name, List<TfValue> args) {
    for (TfValue a : args) {
      if (!a.known()) return null;
    }
    try {
      return switch (name) {
        case "length" -> length(args.get(0));
        case "lower" -> new Str(str(args.get(0)).toLowerCase(Locale.ROOT));
        case "upper" -> new Str(str(args.get(0)).toUpperCase(Locale.ROOT));
        case "trimspace" -> new Str(str(args.get(0)).strip());
        case "tostring" -> args.get(0) instanceof Null ? args.get(0) : new Str(str(args.get(0)));
        case "tonumber" -> new Num(number(args.get(0)));
        case "tobool" -> new Bool(TfValue.isTrue(args.get(0)));
        case "tolist" -> new ListV(list(args.get(0)));
        case "toset" -> toset(list(args.get(0)));
        case "distinct" -> new ListV(new ArrayList<>(new LinkedHashSet<>(list(args.get(0)))));
        case "tomap" -> args.get(0) instanceof MapV ? args.get(0) : null;
        case "format" -> format(args);
        case "join" -> join(args);
        case "split" -> split(args);
        case "replace" -> args.get(1).display().startsWith("/") ? null
            : new Str(str(args.get(0)).replace(str(args.get(1)), str(args.get(2))));
        case "concat" -> concat(args);
        case "flatten" -> new ListV(flatten(list(args.get(0))));
        case "merge" -> merge(args);
        case "lookup" -> lookup(args);
        case "element" -> element(args);
        case "slice" -> new ListV(list(args.get(0)).subList(
            number(args.get(1)).intValue(), number(args.get(2)).intValue()));
        case "keys" -> new ListV(((MapV) args.get(0)).entries().keySet().stream().map(k -> (TfValue) new Str(k)).toList());
        case "values" -> new ListV(List.copyOf(((MapV) args.get(0)).entries().values()));
        case "contains" -> new Bool(list(args.get(0)).contains(args.get(1)));
        case "coalesce" -> args.stream().filter(a -> !(a instanceof Null) && !(a instanceof Str s && s.value().isEmpty())).findFirst().orElse(null);
        case "min" -> args.stream().map(TfFunctions::number).min(BigDecimal::compareTo).map(n -> (TfValue) new Num(n)).orElse(null);
        case "max" -> args.stream().map(TfFunctions::number).max(BigDecimal::compareTo).map(n -> (TfValue) new Num(n)).orElse(null);
        case "range" -> range(args);
        case "zipmap" -> zipmap(args);
        case "cidrsubnet" -> new Str(Cidr.subnet(str(args.get(0)), number(args.get(1)).intValue(), number(args.get(2)).longValue()));
        case "cidrhost" -> new Str(Cidr.host(str(args.get(0)), number(args.get(1)).longValue()));
        default -> null;
      };
    } catch (RuntimeException e) {
      // Wrong argument types or counts: Terraform would reject it; here it stays as written.
      return null;
    }
  }

  static BigDecimal number(TfValue v) {
    if (v instanceof Num n) return n.value();
    if (v instanceof Str s) {
      try {
        return new BigDecimal(s.value());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  private static String str(TfValue v) {
    if (v instanceof Str || v instanceof Num || v instanceof Bool) return v.display();
    throw new IllegalArgumentException("not a string");
  }

  private static List<TfValue> list(TfValue v) {
    if (v instanceof ListV l) return l.items();
    throw new IllegalArgumentException("not a list");
  }

  private static TfValue length(TfValue v) {
    if (v instanceof ListV l) return Num.of(l.items().size());
    if (v instanceof MapV m) return Num.of(m.entries().size());
    return Num.of(str(v).length());
  }

  /** Sets are sorted and without duplicates, as Terraform iterates them. */
  private static TfValue toset(List<TfValue> items) {
    TreeSet<String> seen = new TreeSet<>();
    List<TfValue> out = new ArrayList<>();
    for (TfValue v : items) {
      if (seen.add(v.render(true))) out.add(v);
    }
    out.sort((a, b) -> a.render(true).compareTo(b.render(true)));
    return new ListV(out);
  }

  private static TfValue format(List<TfValue> args) {
    String spec = str(args.get(0));
    StringBuilder sb = new StringBuilder();
    int next = 1;
    for (int i = 0; i < spec.length(); i++) {
      char c = spec.charAt(i);
      if (c != '%' || i + 1 >= spec.length()) {
        sb.append(c);
        continue;
      }
      char verb = spec.charAt(++i);
      if (verb == '%') {
        sb.append('%');
      } else if (verb == 's' || verb == 'd' || verb == 'v') {
        sb.append(str(args.get(next++)));
      } else {
        return null;
      }
    }
    return new Str(sb.toString());
  }

  private static TfValue join(List<TfValue> args) {
    String sep = str(args.get(0));
    List<String> parts = new ArrayList<>();
    for (int i = 1; i < args.size(); i++) list(args.get(i)).forEach(v -> parts.add(str(v)));
    return new Str(String.join(sep, parts));
  }

  private static TfValue split(List<TfValue> args) {
    String sep = str(args.get(0));
    String s = str(args.get(1));
    List<TfValue> out = new ArrayList<>();
    int from = 0;
    while (true) {
      int at = sep.isEmpty() ? -1 : s.indexOf(sep, from);
      if (at < 0) {
        out.add(new Str(s.substring(from)));
        break;
      }
      out.add(new Str(s.substring(from, at)));
      from = at + sep.length();
    }
    return new ListV(out);
  }

  private static TfValue concat(List<TfValue> args) {
    List<TfValue> out = new ArrayList<>();
    args.forEach(a -> out.addAll(list(a)));
    return new ListV(out);
  }

  private static List<TfValue> flatten(List<TfValue> items) {
    List<TfValue> out = new ArrayList<>();
    for (TfValue v : items) {
      if (v instanceof ListV l) out.addAll(flatten(l.items()));
      else out.add(v);
    }
    return out;
  }

  private static TfValue merge(List<TfValue> args) {
    Map<String, TfValue> out = new LinkedHashMap<>();
    for (TfValue a : args) {
      if (a instanceof Null) continue;
      out.putAll(((MapV) a).entries());
    }
    return new MapV(out);
  }

  private static TfValue lookup(List<TfValue> args) {
    TfValue v = ((MapV) args.get(0)).entries().get(str(args.get(1)));
    if (v != null) return v;
    return args.size() > 2 ? args.get(2) : null;
  }

  private static TfValue element(List<TfValue> args) {
    List<TfValue> l = list(args.get(0));
    if (l.isEmpty()) return null;
    int i = number(args.get(1)).intValue();
    return l.get(Math.floorMod(i, l.size()));
  }

  private static TfValue range(List<TfValue> args) {
    long start = args.size() == 1 ? 0 : number(args.get(0)).longValue();
    long end = number(args.get(args.size() == 1 ? 0 : 1)).longValue();
    long step = args.size() > 2 ? number(args.get(2)).longValue() : 1;
    if (step == 0 || Math.abs((end - start) / step) > 10_000) return null;
    List<TfValue> out = new ArrayList<>();
    for (long i = start; step > 0 ? i < end : i > end; i += step) out.add(Num.of(i));
    return new ListV(out);
  }

  private static TfValue zipmap(List<TfValue> args) {
    List<TfValue> keys = list(args.get(0));
    List<TfValue> values = list(args.get(1));
    Map<String, TfValue> out = new LinkedHashMap<>();
    for (int i = 0; i < keys.size() && i < values.size(); i++) out.put(str(keys.get(i)), values.get(i));
    return new MapV(out);
  }
}
