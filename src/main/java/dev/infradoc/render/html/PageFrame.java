package dev.infradoc.render.html;

import java.util.function.Consumer;

/**
 * The frame every page shares: a strict Content-Security-Policy (scripts only from the site's own
 * files, no network), the navigation with the search box, and the scripts at the end.
 */
final class PageFrame {
  /**
   * No inline script, nothing fetched: scripts, styles and images come from the site itself.
   * style-src needs 'unsafe-inline' because Mermaid's SVGs carry their own style element and
   * style attributes; data: images are the markers Mermaid may draw.
   */
  static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
      + "img-src 'self' data:; font-src 'self' data:; connect-src 'none'; base-uri 'none'; form-action 'none'";

  private final String version;
  private boolean drift;

  PageFrame(String version) {
    this.version = version;
  }

  /** The navigation links the drift page once one is written (see Site#withDrift). */
  void linkDrift() {
    drift = true;
  }

  /** A whole page; {@code root} is the way back to the site root ("" or "../"). */
  String page(String title, String root, boolean diagrams, Consumer<HtmlOut> body) {
    HtmlOut h = new HtmlOut();
    h.raw("<!DOCTYPE html>\n").open("html", "lang", "en").raw("\n").open("head").raw("\n");
    h.open("meta", "charset", "utf-8").raw("\n");
    h.open("meta", "http-equiv", "Content-Security-Policy", "content", CSP).raw("\n");
    h.open("meta", "name", "referrer", "content", "no-referrer").raw("\n");
    h.open("meta", "name", "viewport", "content", "width=device-width, initial-scale=1").raw("\n");
    h.el("title", title + " - InfraDoc");
    h.open("link", "rel", "stylesheet", "href", root + "assets/site.css").raw("\n");
    h.close("head");
    h.open("body", "data-root", root).raw("\n");
    h.open("header").open("nav").raw("\n");
    h.el("a", "InfraDoc", "href", root + "index.html", "class", "brand");
    h.raw("\n").el("a", "Overview", "href", root + "index.html").raw("\n");
    h.el("a", "Diagrams", "href", root + "diagrams.html").raw("\n");
    h.el("a", "Findings", "href", root + "findings.html").raw("\n");
    if (drift) h.el("a", "Drift", "href", root + "drift.html").raw("\n");
    h.open("span", "class", "search").open("input", "id", "search", "type", "search", "placeholder",
        "Search components, hosts, findings", "aria-label", "Search", "autocomplete", "off");
    h.open("ul", "id", "search-results", "hidden", "").close("ul").raw("</span>");
    h.close("nav").close("header");
    h.open("main").raw("\n").el("h1", title);
    body.accept(h);
    h.close("main");
    h.open("footer").text("Written by InfraDoc " + version + " from the model (model.json). Works offline; nothing is fetched.").close("footer");
    h.open("script", "src", root + "assets/search-index.js").close("script");
    if (diagrams) h.open("script", "src", root + "assets/mermaid.min.js").close("script");
    h.open("script", "src", root + "assets/site.js").close("script");
    h.close("body").close("html");
    return h.toString();
  }
}
