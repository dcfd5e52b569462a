package dev.newswire.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newswire.model.EntityType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SilverCorpusTest {

    private static final String PARAGRAPH = "On Monday, Pete Hegseth met Dong Jun (China's defence minister) in Kuala Lumpur.";

    @Test
    void paragraphsAreTheBlocksOfRunningText() {
        List<String> paragraphs = SilverCorpus.paragraphs("""
                <div><h1>Short title</h1>
                <p>First   paragraph of the article, long enough to be running text.</p>
                <ul><li>A list item that is also long enough to count as a paragraph.</li><li>menu</li></ul>
                text after the list, outside any block but long enough to count</div>""");

        assertThat(paragraphs).containsExactly(
                "First paragraph of the article, long enough to be running text.",
                "A list item that is also long enough to count as a paragraph.",
                "text after the list, outside any block but long enough to count");
    }

    @Test
    void aSentenceIsReadWithItsTokensJoinedBySpacesAndItsNames(@TempDir Path shared) throws Exception {
        page(shared, "news-1", PARAGRAPH);
        // The teacher's tokens: On Monday , Pete Hegseth met Dong Jun ( China 's defence minister ) in Kuala Lumpur .
        String joined = "On Monday , Pete Hegseth met Dong Jun ( China 's defence minister ) in Kuala Lumpur .";
        Path labels = shared.resolve("labels.tsv");
        Files.writeString(labels, "# comment\n" + SilverCorpus.labelLine("news-1", 0, 0, PARAGRAPH.length(),
                List.of("9-9", "38-38", "43-43", "62-62", "79-79"), joined,
                List.of("12-24:PER", "29-37:PER", "40-45:LOC", "71-83:LOC")) + "\n");

        List<NerCorpus.Sentence> sentences = SilverCorpus.read(labels, shared);

        assertThat(sentences).hasSize(1);
        NerCorpus.Sentence sentence = sentences.get(0);
        assertThat(sentence.text()).isEqualTo(joined);
        assertThat(sentence.document()).isEqualTo("silver:news-1");
        assertThat(SilverCorpus.isSilver(sentence.document())).isTrue();
        assertThat(sentence.spans()).extracting(s -> joined.substring(s.start(), s.end()), Span::type).containsExactly(
                Tuple.tuple("Pete Hegseth", EntityType.PERSON),
                Tuple.tuple("Dong Jun", EntityType.PERSON),
                Tuple.tuple("China", EntityType.PLACE),
                Tuple.tuple("Kuala Lumpur", EntityType.PLACE));
    }

    @Test
    void labelsThatNoLongerMatchThePagesAreRefused(@TempDir Path shared) throws Exception {
        page(shared, "news-1", PARAGRAPH.replace("Monday", "Tuesday"));
        Path labels = shared.resolve("labels.tsv");
        Files.writeString(labels, SilverCorpus.labelLine("news-1", 0, 0, 24, List.of("9-9"), "On Monday , Pete Hegseth",
                List.of("12-24:PER")) + "\n");

        assertThatThrownBy(() -> SilverCorpus.read(labels, shared))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("news-1 paragraph 0")
                .hasMessageContaining("ner-teacher");
    }

    private static void page(Path shared, String name, String paragraph) throws Exception {
        Path dir = Files.createDirectories(shared.resolve("eval/extraction-readability/pages").resolve(name));
        Files.writeString(dir.resolve("expected.html"), "<div><p>" + paragraph + "</p><p>" + paragraph.repeat(8)
                + "</p></div>");
        Files.writeString(dir.resolve("expected-metadata.json"), "{\"lang\":\"en\"}");
    }
}
