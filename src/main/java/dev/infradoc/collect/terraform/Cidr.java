package dev.infradoc.collect.terraform;

/** IPv4 CIDR arithmetic for {@code cidrsubnet} and {@code cidrhost}, as Terraform defines them. */
final class Cidr {
  private Cidr() {}

  static String subnet(String prefix, int newBits, long netNum) {
    long[] base = parse(prefix);
    int bits = (int) base[1] + newBits;
    if (newBits < 0 || bits > 32 || netNum < 0 || netNum >= (1L << newBits)) {
      throw new IllegalArgumentException("cidrsubnet out of range");
    }
    long addr = base[0] | (netNum << (32 - bits));
    return format(addr) + "/" + bits;
  }

  static String host(String prefix, long hostNum) {
    long[] base = parse(prefix);
    long size = 1L << (32 - base[1]);
    long n = hostNum < 0 ? size + hostNum : hostNum;
    if (n < 0 || n >= size) throw new IllegalArgumentException("cidrhost out of range");
    return format(base[0] + n);
  }

  private static long[] parse(String cidr) {
    String[] parts = cidr.split("/");
    String[] octets = parts[0].split("\\.");
    if (parts.length != 2 || octets.length != 4) throw new IllegalArgumentException("not an IPv4 CIDR");
    long addr = 0;
    for (String o : octets) {
      int v = Integer.parseInt(o);
      if (v < 0 || v > 255) throw new IllegalArgumentException("bad octet");
      addr = (addr << 8) | v;
    }
    int len = Integer.parseInt(parts[1]);
    if (len < 0 || len > 32) throw new IllegalArgumentException("bad prefix length");
    long mask = len == 0 ? 0 : (0xFFFFFFFFL << (32 - len)) & 0xFFFFFFFFL;
    return new long[] {addr & mask, len};
  }

  private static String format(long a) {
    return ((a >> 24) & 255) + "." + ((a >> 16) & 255) + "." + ((a >> 8) & 255) + "." + (a & 255);
  }
}
