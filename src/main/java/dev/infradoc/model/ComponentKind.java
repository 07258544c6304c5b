package dev.infradoc.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** What a component is, as design.md's model contract lists it. */
public enum ComponentKind {
  LOAD_BALANCER, CDN, DNS, FIREWALL, WEB_SERVER, APPLICATION, WORKER, SCHEDULER, DATABASE, CACHE,
  QUEUE, STREAM, SEARCH, OBJECT_STORAGE, SECRETS, MONITORING, LOGGING, TRACING, CI_CD,
  CONTAINER_PLATFORM, NETWORK, SYSTEM, EXTERNAL, UNCLASSIFIED;

  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static ComponentKind fromId(String id) {
    return Arrays.stream(values())
        .filter(k -> k.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown component kind '" + id + "'"));
  }

  /** The role group the documents use: edge, application, data, platform. */
  public String role() {
    return switch (this) {
      case LOAD_BALANCER, CDN, DNS, FIREWALL, WEB_SERVER -> "edge";
      case APPLICATION, WORKER, SCHEDULER -> "application";
      case DATABASE, CACHE, QUEUE, STREAM, SEARCH, OBJECT_STORAGE -> "data";
      case EXTERNAL -> "external";
      case UNCLASSIFIED -> "unclassified";
      default -> "platform";
    };
  }
}
