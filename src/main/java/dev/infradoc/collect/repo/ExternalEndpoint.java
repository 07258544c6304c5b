package dev.infradoc.collect.repo;

import dev.infradoc.knowledge.EndpointHint;
import dev.infradoc.knowledge.Knowledge;
import dev.infradoc.model.Component;
import dev.infradoc.model.ComponentKind;
import dev.infradoc.model.Evidence;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A host named in configuration that is not part of what was scanned, with the ids the host
 * collector gives such things ({@code external:<service>} for a recognised cloud service,
 * {@code external:<host>:<port>} otherwise), so the same endpoint seen from a host and from a
 * repository is one component. Loopback and bare single-label names (likely services defined
 * elsewhere) give nothing, and neither does a host without a written port that no hint knows.
 */
public final class ExternalEndpoint {
  private ExternalEndpoint() {}

  public static Optional<Component> of(HostReference ref, Knowledge knowledge, Evidence evidence) {
    String host = ref.host();
    if (knowledge == null || !host.contains(".") || host.equals("localhost") || host.startsWith("127.")
        || host.equals("0.0.0.0") || host.equals("[::1]")) {
      return Optional.empty();
    }
    Optional<EndpointHint> hint = knowledge.endpoint(host);
    Map<String, String> attributes = new TreeMap<>();
    if (hint.isPresent()) {
      attributes.put("serviceKind", hint.get().kind());
      attributes.put("host", host);
      return Optional.of(new Component("external:" + hint.get().id(), hint.get().name(), ComponentKind.EXTERNAL,
          hint.get().technology(), "", "", evidence.source(), 1, "", "", List.of(), attributes, List.of(evidence)));
    }
    if (ref.port() == 0) return Optional.empty();
    knowledge.port(ref.port()).ifPresent(p -> attributes.put("portUsuallyMeans", p.technology()));
    attributes.put("address", host);
    attributes.put("port", String.valueOf(ref.port()));
    String name = host + ":" + ref.port();
    return Optional.of(new Component("external:" + name, name, ComponentKind.EXTERNAL, "", "", "", evidence.source(), 1,
        "", "", List.of(), attributes, List.of(evidence)));
  }
}
