package dev.infradoc.collect.repo;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads YAML into {@link YamlNode}s with line numbers, using SnakeYAML's node API (which keeps
 * start marks and never constructs objects, so tags in hostile files do nothing). Never throws:
 * anything that goes wrong becomes the file's error with a position.
 */
public final class YamlReader {
  /** Larger files are not IaC anyone writes by hand; reading them would only cost memory. */
  static final long MAX_BYTES = 8L * 1024 * 1024;

  private YamlReader() {}

  /** Reads {@code root/relPath}; {@code relPath} uses '/' and is what evidence locators show. */
  public static YamlFile read(Path root, String relPath) {
    Path file = root.resolve(relPath);
    String text;
    try {
      if (Files.size(file) > MAX_BYTES) {
        return failed(relPath, List.of(), 1, 1, "file larger than " + MAX_BYTES / (1024 * 1024) + " MB, not read");
      }
      text = decode(Files.readAllBytes(file));
    } catch (IOException | RuntimeException e) {
      return failed(relPath, List.of(), 1, 1, "cannot read: " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : " " + e.getMessage()));
    }
    return parse(relPath, text);
  }

  /** Parses text that claims to be YAML; every document up to the first error is kept. */
  public static YamlFile parse(String relPath, String text) {
    List<String> lines = List.of(text.split("\r?\n", -1));
    List<YamlNode> docs = new ArrayList<>();
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(true);
    options.setMaxAliasesForCollections(200);
    options.setNestingDepthLimit(100);
    Yaml yaml = new Yaml(options);
    try {
      for (Node node : yaml.composeAll(new StringReader(text))) {
        if (node == null) continue;
        docs.add(convert(relPath, node, Collections.newSetFromMap(new IdentityHashMap<>())));
      }
    } catch (MarkedYAMLException e) {
      Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      int line = m == null ? 1 : m.getLine() + 1;
      int col = m == null ? 1 : m.getColumn() + 1;
      return new YamlFile(relPath, lines, docs, Optional.of(new YamlFile.Error(line, col, message(e))));
    } catch (Recursive e) {
      return new YamlFile(relPath, lines, docs, Optional.of(new YamlFile.Error(e.line, 1,
          "an alias refers to the node that contains it")));
    } catch (RuntimeException | StackOverflowError e) {
      return new YamlFile(relPath, lines, docs, Optional.of(new YamlFile.Error(1, 1,
          e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + firstLine(e.getMessage())))));
    }
    return new YamlFile(relPath, lines, docs, Optional.empty());
  }

  private static YamlFile failed(String relPath, List<String> lines, int line, int col, String why) {
    return new YamlFile(relPath, lines, List.of(), Optional.of(new YamlFile.Error(line, col, why)));
  }

  private static String decode(byte[] bytes) throws IOException {
    String s = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE)
        .decode(ByteBuffer.wrap(bytes))
        .toString();
    return s.startsWith("\uFEFF") ? s.substring(1) : s;
  }

  /** SnakeYAML's problem text without its multi-line context excerpt. */
  private static String message(MarkedYAMLException e) {
    String problem = e.getProblem() == null ? "" : e.getProblem().strip();
    String context = e.getContext() == null ? "" : e.getContext().strip();
    String msg = context.isEmpty() ? problem : context + ": " + problem;
    return msg.isEmpty() ? firstLine(String.valueOf(e.getMessage())) : firstLine(msg);
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).strip();
  }

  private static final class Recursive extends RuntimeException {
    final int line;

    Recursive(int line) {
      super(null, null, false, false);
      this.line = line;
    }
  }

  private static YamlNode convert(String file, Node node, Set<Node> path) {
    int line = node.getStartMark() == null ? 1 : node.getStartMark().getLine() + 1;
    if (!path.add(node)) throw new Recursive(line);
    try {
      if (node instanceof ScalarNode s) {
        boolean isNull = s.getTag().equals(Tag.NULL) && s.isPlain();
        if (isNull) return YamlNode.nullValue(file, line);
        return YamlNode.scalar(file, line, s.getValue(), s.getScalarStyle() == DumperOptions.ScalarStyle.LITERAL);
      }
      if (node instanceof SequenceNode seq) {
        List<YamlNode> items = new ArrayList<>();
        for (Node child : seq.getValue()) items.add(convert(file, child, path));
        return YamlNode.seq(file, line, items);
      }
      MappingNode map = (MappingNode) node;
      List<YamlNode.Entry> explicit = new ArrayList<>();
      List<YamlNode> merged = new ArrayList<>();
      for (NodeTuple t : map.getValue()) {
        Node k = t.getKeyNode();
        int keyLine = k.getStartMark() == null ? line : k.getStartMark().getLine() + 1;
        if (k instanceof ScalarNode ks && (ks.getTag().equals(Tag.MERGE) || ("<<".equals(ks.getValue()) && ks.isPlain()))) {
          YamlNode v = convert(file, t.getValueNode(), path);
          if (v.isMap()) merged.add(v);
          else if (v.isSeq()) v.items().stream().filter(YamlNode::isMap).forEach(merged::add);
          continue;
        }
        String key = k instanceof ScalarNode ks ? ks.getValue() : "";
        explicit.add(new YamlNode.Entry(key, keyLine, convert(file, t.getValueNode(), path)));
      }
      return YamlNode.map(file, line, withMerges(explicit, merged));
    } finally {
      path.remove(node);
    }
  }

  /** YAML merge keys ({@code <<: *defaults}): explicit keys win; among merged maps, the first wins. */
  private static List<YamlNode.Entry> withMerges(List<YamlNode.Entry> explicit, List<YamlNode> merged) {
    if (merged.isEmpty()) return explicit;
    List<YamlNode.Entry> out = new ArrayList<>();
    Set<String> seen = new java.util.HashSet<>();
    explicit.forEach(e -> seen.add(e.key()));
    for (YamlNode m : merged) {
      for (YamlNode.Entry e : m.entries()) {
        if (seen.add(e.key())) out.add(e);
      }
    }
    out.addAll(explicit);
    return out;
  }
}
