package dev.infradoc.render.iac;

import dev.infradoc.model.Evidence;
import java.util.List;

/**
 * One step requests take: from a component (or an outside origin such as "internet") to another,
 * what the step is ("forwards to"), its protocol and port when stated, and the line that says so.
 */
public record Hop(String from, String to, String says, String protocol, int port, String kind, List<Evidence> evidence) {
  /** Ids of outside origins start with this, so they never collide with component ids. */
  public static final String OUTSIDE = "outside:";

  public boolean fromOutside() {
    return from.startsWith(OUTSIDE);
  }

  public String traffic() {
    return (protocol + (port == 0 ? "" : " " + port)).trim();
  }
}
