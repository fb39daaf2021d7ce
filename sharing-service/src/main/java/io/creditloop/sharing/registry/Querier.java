package io.creditloop.sharing.registry;

/** Who asks: the agency (its code, as on its task topic) and the official of it (R16: "who"). */
public record Querier(String agency, String official) {
}
