package dev.infradoc.collect.host.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses {@code ip -o addr show} into interface addresses (CIDR form). */
public final class AddressParser {
  private static final Pattern LINE = Pattern.compile("^\\d+:\\s+(\\S+)\\s+(inet6?)\\s+(\\S+)");

  /** One address of one interface. */
  public record Address(String iface, String cidr, int line) {
    public String ip() {
      int slash = cidr.indexOf('/');
      return slash < 0 ? cidr : cidr.substring(0, slash);
    }

    public boolean loopback() {
      return iface.equals("lo") || ip().startsWith("127.") || ip().equals("::1");
    }

    public boolean linkLocal() {
      return ip().startsWith("fe80:") || ip().startsWith("169.254.");
    }
  }

  private AddressParser() {}

  public static List<Address> parse(List<String> lines) {
    List<Address> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = LINE.matcher(lines.get(i));
      if (m.find()) out.add(new Address(m.group(1).replaceFirst("@.*$", ""), m.group(3), i));
    }
    return out;
  }
}
