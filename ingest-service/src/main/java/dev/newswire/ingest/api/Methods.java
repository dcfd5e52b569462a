package dev.newswire.ingest.api;

import dev.newswire.model.IngestMethod;
import org.springframework.http.HttpStatus;

/** The {@code method} query parameter: only {@code file} may override an endpoint's own method (the CLI sets it). */
final class Methods {

    private Methods() {
    }

    static IngestMethod parse(String value, IngestMethod endpointDefault) {
        if (value == null || value.isBlank()) {
            return endpointDefault;
        }
        if (value.strip().equalsIgnoreCase("file")) {
            return IngestMethod.FILE;
        }
        if (value.strip().equalsIgnoreCase(endpointDefault.name())) {
            return endpointDefault;
        }
        throw ApiException.field(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid Parameter", "method",
                "must be 'file' or '" + endpointDefault.name().toLowerCase() + "'");
    }
}
