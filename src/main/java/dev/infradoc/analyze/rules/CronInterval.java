package dev.infradoc.analyze.rules;

/** The interval of simple cron schedules ("30 2 * * *" is 24 hours); "" when the schedule is not a plain fixed interval. */
final class CronInterval {
  private CronInterval() {}

  static String of(String schedule) {
    switch (schedule.strip()) {
      case "@hourly": return "1 hour";
      case "@daily", "@midnight": return "24 hours";
      case "@weekly": return "7 days";
      default: break;
    }
    String[] f = schedule.strip().split("\\s+");
    if (f.length != 5) return "";
    boolean fixedMinute = f[0].matches("\\d+");
    if (fixedMinute && f[1].equals("*") && f[2].equals("*") && f[3].equals("*") && f[4].equals("*")) return "1 hour";
    if (fixedMinute && f[1].matches("\\d+") && f[2].equals("*") && f[3].equals("*")) {
      if (f[4].equals("*")) return "24 hours";
      if (f[4].matches("\\d")) return "7 days";
    }
    return "";
  }
}
