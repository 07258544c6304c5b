package dev.infradoc.knowledge;

import java.util.regex.Pattern;

/** A cloud or SaaS service recognised from a host name or URL, from endpoints.yaml. */
public record EndpointHint(String id, String name, String kind, String technology, Pattern host) {}
