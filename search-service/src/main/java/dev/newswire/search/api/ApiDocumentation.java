package dev.newswire.search.api;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

/** The OpenAPI document's header; the document is generated at compile time and served at {@code /openapi/}. */
@OpenAPIDefinition(info = @Info(title = "newswire-search", version = "v1",
        description = "Full-text, faceted and cross-lingual search over Newswire's enriched articles."))
final class ApiDocumentation {

    private ApiDocumentation() {
    }
}
