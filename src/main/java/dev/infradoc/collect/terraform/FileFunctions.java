package dev.infradoc.collect.terraform;

import dev.infradoc.collect.terraform.TfValue.Bool;
import dev.infradoc.collect.terraform.TfValue.MapV;
import dev.infradoc.collect.terraform.TfValue.Str;
import java.util.List;

/**
 * file(), fileexists() and templatefile(): read from the scanned tree through {@link TfFiles}, with
 * paths relative to the root module as Terraform resolves them. Null when not determined.
 */
final class FileFunctions {
  private FileFunctions() {}

  static boolean handles(String name) {
    return name.equals("file") || name.equals("templatefile") || name.equals("fileexists");
  }

  static TfValue call(String name, List<TfValue> args, Scope scope) {
    TfFiles files = scope.files();
    if (files == null || args.isEmpty() || !(args.get(0) instanceof Str path)) return null;
    for (TfValue a : args) {
      if (!a.known()) return null;
    }
    switch (name) {
      case "file" -> {
        if (args.size() != 1) return null;
        String text = files.read(path.value());
        return text == null ? null : new Str(text);
      }
      case "fileexists" -> {
        // Only a file that is there says yes; one outside the target is not looked at.
        return files.relative(path.value()) != null ? new Bool(true) : null;
      }
      case "templatefile" -> {
        if (args.size() != 2 || !(args.get(1) instanceof MapV vars)) return null;
        String text = files.read(path.value());
        String out = text == null ? null : Templates.render(text, vars.entries(), scope);
        return out == null ? null : new Str(out);
      }
      default -> {
        return null;
      }
    }
  }
}
