package dev.infradoc.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How much a finding matters, most severe first. */
public enum Severity {
  CRITICAL, HIGH, MEDIUM, LOW, INFO;

  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
