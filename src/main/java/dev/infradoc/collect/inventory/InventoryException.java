package dev.infradoc.collect.inventory;

/** An inventory or target list that cannot be read at all; the message names the file and line. */
public final class InventoryException extends Exception {
  public InventoryException(String message) {
    super(message);
  }

  public InventoryException(String message, Throwable cause) {
    super(message, cause);
  }
}
