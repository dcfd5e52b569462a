package dev.newswire.enrich.topics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.newswire.enrich.ArticleDraft;
import dev.newswire.enrich.EnrichmentStage;
import dev.newswire.enrich.dedup.InMemoryNearDuplicateIndex;
import dev.newswire.enrich.tagging.Articles;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Precision and recall of the topic on a set of on-topic articles and near misses. */
class UsChinaMilitaryDialogueTopicTest {

    private static final String TOPIC = "us-china-military-dialogue";

    record Article(String id, String lang, boolean onTopic, String title, String body) {
    }

    record TestSet(List<Article> articles) {
    }

    @Test
    void topicReachesPrecisionAndRecallOfNinetyPercentOnOnTopicArticlesAndNearMisses() throws Exception {
        List<Article> articles;
        try (InputStream in = getClass().getResourceAsStream("us-china-military-dialogue-set.yml")) {
            articles = new ObjectMapper(new YAMLFactory()).readValue(in, TestSet.class).articles();
        }
        assertThat(articles).hasSizeGreaterThanOrEqualTo(40);
        List<EnrichmentStage> stages = Articles.tagging().stages(new InMemoryNearDuplicateIndex());
        int truePositives = 0;
        int falsePositives = 0;
        int falseNegatives = 0;
        List<String> wrong = new ArrayList<>();
        for (Article article : articles) {
            ArticleDraft draft = Articles.draft(article.id(), article.lang(), article.title(), article.body());
            draft = stages.get(1).apply(stages.get(0).apply(draft));
            boolean matched = draft.topics().stream().anyMatch(t -> t.id().equals(TOPIC));
            if (matched && article.onTopic()) {
                truePositives++;
            } else if (matched) {
                falsePositives++;
                wrong.add("false positive " + article.id() + ": " + article.title());
            } else if (article.onTopic()) {
                falseNegatives++;
                wrong.add("false negative " + article.id() + ": " + article.title());
            }
        }
        double precision = truePositives / (double) Math.max(1, truePositives + falsePositives);
        double recall = truePositives / (double) Math.max(1, truePositives + falseNegatives);
        System.out.printf(Locale.ROOT, "topic %s on %d articles: precision %.3f recall %.3f%n", TOPIC,
                articles.size(), precision, recall);
        wrong.forEach(System.out::println);
        assertThat(precision).isGreaterThanOrEqualTo(0.9);
        assertThat(recall).isGreaterThanOrEqualTo(0.9);
    }
}
