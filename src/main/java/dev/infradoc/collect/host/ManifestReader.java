package dev.infradoc.collect.host;

import dev.infradoc.collect.host.parse.FileLine;
import dev.infradoc.knowledge.Manifests;
import dev.infradoc.model.Evidence;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Names the frameworks and client libraries an application declares in the manifests beside it. */
final class ManifestReader {
  private ManifestReader() {}

  static void enrich(List<Draft> drafts, List<FileLine> files, Manifests manifests, String sourceId) {
    Map<String, List<FileLine>> byFile = FileLine.byFile(files);
    for (Draft d : drafts) {
      if (d.cwd.isEmpty() || !d.kind.role().equals("application")) continue;
      TreeSet<String> frameworks = new TreeSet<>();
      TreeSet<String> clients = new TreeSet<>();
      TreeSet<String> found = new TreeSet<>();
      for (Manifests.Manifest m : manifests.manifests()) {
        String path = d.cwd + "/" + m.file();
        List<FileLine> lines = byFile.get(path);
        if (lines == null) continue;
        found.add(path);
        d.evidence.add(Evidence.of(sourceId, path + ":1", m.file() + " (" + m.language() + ")"));
        for (FileLine line : lines) {
          manifests.packageOn(m, line.text()).flatMap(manifests::library).ifPresent(lib -> {
            (lib.role().equals("client") ? clients : frameworks).add(lib.label());
            d.evidence.add(Evidence.of(sourceId, line.locator(), line.text().strip()));
          });
        }
      }
      if (!found.isEmpty()) d.attributes.put("manifests", String.join(", ", found));
      if (!frameworks.isEmpty()) d.attributes.put("frameworks", String.join(", ", frameworks));
      if (!clients.isEmpty()) d.attributes.put("clientLibraries", String.join(", ", clients));
    }
  }

}
