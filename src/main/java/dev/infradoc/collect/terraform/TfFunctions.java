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
 * The pure Terraform functions that decide names, counts, CIDRs and documents in real code. A
 * function not listed here, or called with a value that is not known, gives null: the call stays as
 * written. try/can are in {@link Evaluator} (they look at how arguments fail), file functions in
 * {@link FileFunctions}.
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
        case "cidrsubnets" -> cidrsubnets(args);
        case "jsonencode" -> new Str(TfJsonText.encode(args.get(0)));
        case "jsondecode" -> TfJsonText.decode(str(args.get(0)));
        case "formatlist" -> formatlist(args);
        case "coalescelist" -> args.stream().filter(a -> !list(a).isEmpty()).findFirst().orElse(null);
        case "compact" -> new ListV(list(args.get(0)).stream().filter(v -> !(v instanceof Null) && !str(v).isEmpty()).toList());
        case "reverse" -> new ListV(reversed(list(args.get(0))));
        case "sort" -> new ListV(list(args.get(0)).stream().map(TfFunctions::str).sorted().map(x -> (TfValue) new Str(x)).toList());
        case "index" -> indexOf(args);
        case "one" -> one(list(args.get(0)));
        case "sum" -> new Num(list(args.get(0)).stream().map(TfFunctions::number).reduce(BigDecimal.ZERO, BigDecimal::add));
        case "alltrue" -> new Bool(list(args.get(0)).stream().allMatch(TfValue::isTrue));
        case "anytrue" -> new Bool(list(args.get(0)).stream().anyMatch(TfValue::isTrue));
        case "startswith" -> new Bool(str(args.get(0)).startsWith(str(args.get(1))));
        case "endswith" -> new Bool(str(args.get(0)).endsWith(str(args.get(1))));
        case "trimprefix" -> new Str(trimPrefix(str(args.get(0)), str(args.get(1))));
        case "trimsuffix" -> new Str(trimSuffix(str(args.get(0)), str(args.get(1))));
        case "trim" -> new Str(trim(str(args.get(0)), str(args.get(1))));
        case "chomp" -> new Str(str(args.get(0)).replaceAll("[\\r\\n]+$", ""));
        case "strrev" -> new Str(new StringBuilder(str(args.get(0))).reverse().toString());
        case "substr" -> substr(args);
        case "title" -> new Str(title(str(args.get(0))));
        case "abs" -> new Num(number(args.get(0)).abs());
        case "ceil" -> new Num(number(args.get(0)).setScale(0, java.math.RoundingMode.CEILING));
        case "floor" -> new Num(number(args.get(0)).setScale(0, java.math.RoundingMode.FLOOR));
        case "base64encode" -> new Str(java.util.Base64.getEncoder().encodeToString(str(args.get(0)).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        case "base64decode" -> base64decode(str(args.get(0)));
        case "setunion" -> toset(args.stream().flatMap(a -> list(a).stream()).toList());
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

  /** Terraform's format verbs: %s %d %f %t %v %q and %%, with flags, width and precision. */
  static TfValue format(List<TfValue> args) {
    String spec = str(args.get(0));
    StringBuilder sb = new StringBuilder();
    int next = 1;
    for (int i = 0; i < spec.length(); i++) {
      char c = spec.charAt(i);
      if (c != '%') {
        sb.append(c);
        continue;
      }
      int j = i + 1;
      while (j < spec.length() && "-+ 0#".indexOf(spec.charAt(j)) >= 0) j++;
      while (j < spec.length() && (Character.isDigit(spec.charAt(j)) || spec.charAt(j) == '.')) j++;
      if (j >= spec.length()) return null;
      String flags = spec.substring(i + 1, j);
      char verb = spec.charAt(j);
      i = j;
      if (verb == '%') {
        sb.append('%');
        continue;
      }
      if (next >= args.size() || flags.contains("#")) return null;
      TfValue arg = args.get(next++);
      if (arg instanceof ListV || arg instanceof MapV || arg instanceof Null) return null;
      String piece = switch (verb) {
        case 's' -> String.format(Locale.ROOT, "%" + flags + "s", str(arg));
        case 'v' -> String.format(Locale.ROOT, "%" + flags + "s", str(arg));
        case 'q' -> String.format(Locale.ROOT, "%" + flags + "s", TfJsonText.encode(new Str(str(arg))));
        case 't' -> String.format(Locale.ROOT, "%" + flags + "s", String.valueOf(((Bool) arg).value()));
        case 'd' -> String.format(Locale.ROOT, "%" + flags + "d", number(arg).toBigIntegerExact());
        case 'f' -> String.format(Locale.ROOT, "%" + flags + "f", number(arg).setScale(precision(flags), java.math.RoundingMode.HALF_EVEN));
        default -> null;
      };
      if (piece == null) return null;
      sb.append(piece);
    }
    return new Str(sb.toString());
  }

  /** The precision of a format verb's flags ("08.2" gives 2), 6 when not given. */
  private static int precision(String flags) {
    int dot = flags.indexOf('.');
    return dot < 0 ? 6 : dot == flags.length() - 1 ? 0 : Integer.parseInt(flags.substring(dot + 1));
  }

  private static TfValue formatlist(List<TfValue> args) {
    int n = -1;
    for (int i = 1; i < args.size(); i++) {
      if (args.get(i) instanceof ListV l) {
        if (n >= 0 && n != l.items().size()) return null;
        n = l.items().size();
      }
    }
    if (n < 0) return null;
    List<TfValue> out = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      List<TfValue> row = new ArrayList<>();
      row.add(args.get(0));
      for (int i = 1; i < args.size(); i++) row.add(args.get(i) instanceof ListV l ? l.items().get(k) : args.get(i));
      TfValue v = format(row);
      if (v == null) return null;
      out.add(v);
    }
    return new ListV(out);
  }

  /** Consecutive ranges of the given sizes, each aligned to its size, as Terraform allocates them. */
  private static TfValue cidrsubnets(List<TfValue> args) {
    String prefix = str(args.get(0));
    if (prefix.contains(":")) return null;
    int base = Integer.parseInt(prefix.substring(prefix.indexOf('/') + 1));
    List<TfValue> out = new ArrayList<>();
    long next = 0;
    for (int i = 1; i < args.size(); i++) {
      int bits = number(args.get(i)).intValue();
      if (bits < 1 || base + bits > 32) return null;
      long size = 1L << (32 - base - bits);
      long start = (next + size - 1) / size * size;
      out.add(new Str(Cidr.subnet(prefix, bits, start / size)));
      next = start + size;
    }
    return new ListV(out);
  }

  private static List<TfValue> reversed(List<TfValue> items) {
    List<TfValue> out = new ArrayList<>(items);
    java.util.Collections.reverse(out);
    return out;
  }

  private static TfValue indexOf(List<TfValue> args) {
    int i = list(args.get(0)).indexOf(args.get(1));
    return i < 0 ? null : Num.of(i);
  }

  private static TfValue one(List<TfValue> items) {
    if (items.size() > 1) return null;
    return items.isEmpty() ? new Null() : items.get(0);
  }

  private static String trimPrefix(String s, String p) {
    return s.startsWith(p) ? s.substring(p.length()) : s;
  }

  private static String trimSuffix(String s, String p) {
    return s.endsWith(p) ? s.substring(0, s.length() - p.length()) : s;
  }

  private static String trim(String s, String chars) {
    int a = 0;
    int b = s.length();
    while (a < b && chars.indexOf(s.charAt(a)) >= 0) a++;
    while (b > a && chars.indexOf(s.charAt(b - 1)) >= 0) b--;
    return s.substring(a, b);
  }

  private static TfValue substr(List<TfValue> args) {
    String s = str(args.get(0));
    int[] cps = s.codePoints().toArray();
    int offset = number(args.get(1)).intValue();
    int length = number(args.get(2)).intValue();
    if (offset < 0) offset = cps.length + offset;
    if (offset < 0 || offset > cps.length) return null;
    int end = length < 0 ? cps.length : Math.min(cps.length, offset + length);
    return new Str(new String(cps, offset, end - offset));
  }

  private static String title(String s) {
    StringBuilder sb = new StringBuilder();
    boolean start = true;
    for (char c : s.toCharArray()) {
      sb.append(start && Character.isLetter(c) ? Character.toUpperCase(c) : c);
      start = !Character.isLetterOrDigit(c);
    }
    return sb.toString();
  }

  private static TfValue base64decode(String s) {
    byte[] bytes = java.util.Base64.getDecoder().decode(s);
    try {
      return new Str(java.nio.charset.StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString());
    } catch (java.nio.charset.CharacterCodingException e) {
      return null;
    }
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
