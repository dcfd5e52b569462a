package dev.newswire.ingest.source;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.springframework.core.io.Resource;
import tools.jackson.core.JacksonException;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The sources YAML file:
 * <pre>
 * sources:
 *   - id: example-news
 *     name: Example News
 *     url: https://news.example/feed.xml
 *     interval: 15m
 *     fetchPages: true
 *     language: en
 *     enabled: true
 * </pre>
 */
public final class SourcesFile {

    /** The file's shape. */
    record Content(List<SourceSpec> sources) {
    }

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private SourcesFile() {
    }

    /** The specs in the file; none when the file is empty. */
    public static List<SourceSpec> read(Resource resource) throws IOException {
        try (InputStream in = resource.getInputStream()) {
            Content content = YAML.readValue(in, Content.class);
            return content == null || content.sources() == null ? List.of() : content.sources();
        } catch (JacksonException e) {
            throw new IOException("the sources file " + resource.getDescription() + " is not valid: "
                    + e.getOriginalMessage(), e);
        }
    }
}
