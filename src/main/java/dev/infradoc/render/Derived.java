package dev.infradoc.render;

import dev.infradoc.model.Model;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Structures derived from one model (its view, request graph, root slices, collapsed instances),
 * built once and shared by every document of a render, which run in parallel. Models are
 * immutable, so a structure built for a model stays true for it. Keyed by the model's identity
 * (a record's equals would compare whole models); the last few models are kept.
 */
public final class Derived {
  // A render asks for the model, each root's slice and their collapsed forms; a fleet for each host.
  private static final int KEEP = 64;
  private static final Deque<Derived> RECENT = new ArrayDeque<>();

  private final Model model;
  private final Map<Object, CompletableFuture<Object>> built = new ConcurrentHashMap<>();

  private Derived(Model model) {
    this.model = model;
  }

  /**
   * The structure of this model under this key, built by {@code build} on first use. Two threads
   * asking at once wait for one build; a build may ask for other keys (not its own).
   */
  @SuppressWarnings("unchecked")
  public static <T> T of(Model model, Object key, Function<Model, T> build) {
    Derived d = forModel(model);
    CompletableFuture<Object> mine = new CompletableFuture<>();
    CompletableFuture<Object> existing = d.built.putIfAbsent(key, mine);
    if (existing != null) {
      try {
        return (T) existing.join();
      } catch (CompletionException e) {
        if (e.getCause() instanceof RuntimeException r) throw r;
        if (e.getCause() instanceof Error err) throw err;
        throw e;
      }
    }
    try {
      T value = build.apply(model);
      mine.complete(value);
      return value;
    } catch (RuntimeException | Error e) {
      d.built.remove(key, mine); // a later caller builds again (and meets the same failure itself)
      mine.completeExceptionally(e);
      throw e;
    }
  }

  private static synchronized Derived forModel(Model model) {
    for (Iterator<Derived> it = RECENT.iterator(); it.hasNext(); ) {
      Derived d = it.next();
      if (d.model == model) {
        it.remove();
        RECENT.addFirst(d);
        return d;
      }
    }
    Derived d = new Derived(model);
    RECENT.addFirst(d);
    if (RECENT.size() > KEEP) RECENT.removeLast();
    return d;
  }
}
