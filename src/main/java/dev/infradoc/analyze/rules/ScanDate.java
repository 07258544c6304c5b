package dev.infradoc.analyze.rules;

import dev.infradoc.analyze.ModelIndex;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** The date a model was made (its generatedAt), so date-based rules give the same answer for the same model. */
final class ScanDate {
  private ScanDate() {}

  static LocalDate of(ModelIndex index) {
    try {
      return OffsetDateTime.parse(index.model().generatedAt()).toLocalDate();
    } catch (DateTimeParseException | NullPointerException e) {
      return LocalDate.of(1970, 1, 1);
    }
  }
}
