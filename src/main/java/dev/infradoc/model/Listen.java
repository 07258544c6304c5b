package dev.infradoc.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Comparator;

/** An address and port a component accepts connections on. */
public record Listen(String address, int port, String protocol) implements Comparable<Listen> {
  private static final Comparator<Listen> ORDER =
      Comparator.comparingInt(Listen::port)
          .thenComparing(Listen::protocol)
          .thenComparing(Listen::address);

  /** True when the address accepts connections from other machines. */
  @JsonIgnore
  public boolean isPublic() {
    return !(address.startsWith("127.") || address.equals("::1") || address.equals("localhost"));
  }

  @Override
  public int compareTo(Listen o) {
    return ORDER.compare(this, o);
  }
}
