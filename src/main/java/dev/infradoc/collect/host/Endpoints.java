package dev.infradoc.collect.host;

import dev.infradoc.knowledge.EndpointHint;
import dev.infradoc.knowledge.Knowledge;
import dev.infradoc.knowledge.PortHint;
import dev.infradoc.model.Component;
import dev.infradoc.model.ComponentKind;
import dev.infradoc.model.Evidence;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Components for things outside the host: an address and port, or a recognised cloud service. */
final class Endpoints {
  private Endpoints() {}

  /** An address:port on another machine; what usually listens on that port is a hint, not a fact. */
  static Component address(String address, int port, Knowledge knowledge, Evidence evidence) {
    Map<String, String> attributes = new TreeMap<>();
    knowledge.port(port).map(PortHint::technology)
        .ifPresent(t -> attributes.put("portUsuallyMeans", t));
    attributes.put("address", address);
    attributes.put("port", String.valueOf(port));
    String id = "external:" + (address.contains(":") ? "[" + address + "]" : address) + ":" + port;
    return new Component(id, (address.contains(":") ? "[" + address + "]" : address) + ":" + port,
        ComponentKind.EXTERNAL, "", "", "", evidence.source(), 1, "", "", List.of(), attributes,
        List.of(evidence));
  }

  /** A cloud or SaaS service recognised by host name, e.g. AWS SQS. */
  static Component service(EndpointHint hint, String detailKey, String detail, Evidence evidence) {
    Map<String, String> attributes = new TreeMap<>();
    attributes.put("serviceKind", hint.kind());
    if (!detail.isEmpty()) attributes.put(detailKey, detail);
    return new Component("external:" + hint.id(), hint.name(), ComponentKind.EXTERNAL,
        hint.technology(), "", "", evidence.source(), 1, "", "", List.of(), attributes, List.of(evidence));
  }


}
