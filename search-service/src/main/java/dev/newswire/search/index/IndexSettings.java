package dev.newswire.search.index;

import io.micronaut.context.annotation.ConfigurationProperties;

/** The Elasticsearch index ({@code search.index.*}): a versioned index behind a stable alias. */
@ConfigurationProperties("search.index")
public class IndexSettings {

    /** Concrete, versioned index, created at start if absent. */
    private String name = "news-v1";

    /** Alias that the indexer writes to and the API reads from, so a reindex can switch versions. */
    private String alias = "news";

    /** Classpath resource holding the index's settings and mappings. */
    private String definition = "index/news-v1.json";

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getAlias() {
        return alias;
    }

    public void setAlias(String alias) {
        this.alias = alias;
    }

    public String getDefinition() {
        return definition;
    }

    public void setDefinition(String definition) {
        this.definition = definition;
    }
}
