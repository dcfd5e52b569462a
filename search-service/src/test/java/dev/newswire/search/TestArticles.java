package dev.newswire.search;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newswire.model.ArticleIds;
import dev.newswire.model.EnrichedArticle;
import dev.newswire.model.Entity;
import dev.newswire.model.EntityType;
import dev.newswire.model.IngestMethod;
import dev.newswire.model.Mention;
import dev.newswire.model.TopicMatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Enriched articles for the tests, built here because the enrichment is written elsewhere: the seed
 * article as the enrichment should produce it (title, body, topic and entities from
 * {@code shared/fixtures/seed/expected.json}, canonical English names with Japanese aliases) and a few
 * articles written for the tests.
 */
public final class TestArticles {

    public static final TopicMatch US_CHINA_MILITARY_DIALOGUE = new TopicMatch("us-china-military-dialogue",
            Map.of("en", "US–China military dialogue", "ja", "米中軍事対話", "zh", "中美军事对话"), 0.92);

    private static final Instant ENRICHED_AT = Instant.parse("2025-11-18T00:00:00Z");

    private TestArticles() {
    }

    /** The shared directory beside the checkout; the test is skipped (not failed) where it is absent. */
    public static Path sharedDir() {
        String dir = System.getProperty("newswire.shared.dir");
        assumeTrue(dir != null && Files.isDirectory(Path.of(dir, "fixtures", "seed")),
                "../shared/fixtures/seed is absent: the seed-based test is skipped");
        return Path.of(dir);
    }

    /** The seed article, enriched as the pipeline should enrich it. */
    public static EnrichedArticle seed() {
        JsonNode expected;
        try {
            expected = new ObjectMapper().readTree(Files.readString(
                    sharedDir().resolve("fixtures/seed/expected.json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String title = expected.get("title").asText();
        List<String> paragraphs = new ArrayList<>();
        expected.get("body_paragraphs").forEach(p -> paragraphs.add(p.asText()));
        String body = String.join("\n\n", paragraphs);
        List<Entity> entities = new ArrayList<>();
        JsonNode byType = expected.get("entities_expected");
        for (EntityType type : EntityType.values()) {
            JsonNode list = byType.get(type.name().toLowerCase(Locale.ROOT));
            if (list == null) {
                continue;
            }
            for (JsonNode entity : list) {
                String surface = entity.get("surface").asText();
                List<String> english = new ArrayList<>();
                entity.get("english").forEach(n -> english.add(n.asText()));
                Map<String, List<String>> aliases = new LinkedHashMap<>();
                aliases.put("ja", List.of(surface));
                if (english.size() > 1) {
                    aliases.put("en", english.subList(1, english.size()));
                }
                entities.add(new Entity(type.name().toLowerCase(Locale.ROOT) + "/" + slug(english.get(0)),
                        english.get(0), type, mentions(title, body, surface), aliases));
            }
        }
        return new EnrichedArticle(ArticleIds.forContent(body), "https://kangnamtimes.example/us-china-dpct",
                "https://kangnamtimes.example/us-china-dpct", "kangnamtimes", "Kangnam Times", IngestMethod.FILE,
                Instant.parse("2025-11-17T06:00:00Z"), title, expected.get("author").asText(),
                List.of(expected.get("author").asText()), Instant.parse("2025-11-17T05:00:00Z"), "ja", body,
                paragraphs.get(0), List.of("米中", "軍事対話", "DPCT"), entities, List.of(US_CHINA_MILITARY_DIALOGUE),
                "0f0e0d0c0b0a0908", null, ENRICHED_AT, "test");
    }

    /**
     * Mentions of a name: its full surface form, and for a katakana name its family name alone
     * (ヘグセス after ピート・ヘグセス), the way a text refers to a person again.
     */
    private static List<Mention> mentions(String title, String body, String surface) {
        List<Mention> mentions = new ArrayList<>();
        List<String> forms = new ArrayList<>(List.of(surface));
        int dot = surface.indexOf('・');
        if (dot > 0) {
            forms.add(surface.substring(dot + 1));
        }
        for (String[] field : new String[][] {{"title", title}, {"body", body}}) {
            String text = field[1];
            boolean[] taken = new boolean[text.length()];
            for (String form : forms) {
                for (int i = text.indexOf(form); i >= 0; i = text.indexOf(form, i + form.length())) {
                    if (taken[i]) {
                        continue;
                    }
                    for (int j = i; j < i + form.length(); j++) {
                        taken[j] = true;
                    }
                    int start = text.codePointCount(0, i);
                    mentions.add(new Mention(form, field[0], start, start + form.codePointCount(0, form.length())));
                }
            }
        }
        return mentions;
    }

    private static String slug(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    /** An article written for the tests. */
    public static EnrichedArticle article(String slug, String language, String title, String body, Instant publishedAt,
                                          List<Entity> entities, List<TopicMatch> topics) {
        String url = "https://news.example/" + language + "/" + slug;
        return new EnrichedArticle(ArticleIds.forUrl(url), url, url, "news-example", "News Example", IngestMethod.FEED,
                publishedAt, title, null, List.of(), publishedAt, language, body, null, List.of(), entities, topics,
                null, null, ENRICHED_AT, "test");
    }

    public static Entity person(String id, String name, int mentions, String japanese) {
        List<Mention> list = new ArrayList<>();
        for (int i = 0; i < mentions; i++) {
            list.add(new Mention(name, "body", i * 10, i * 10 + name.length()));
        }
        return new Entity(id, name, EntityType.PERSON, list, japanese == null ? Map.of() : Map.of("ja", List.of(japanese)));
    }

    /** An English article naming Pete Hegseth once, in passing (its Japanese alias comes from the entity linker). */
    public static EnrichedArticle pentagonBudget() {
        return article("senate-pentagon-budget", "en", "Senate panel presses Pentagon on spending plan",
                "Members of the Senate Armed Services Committee questioned the Pentagon's spending plan on Tuesday.\n\n"
                        + "Defense Secretary Pete Hegseth defended the request, saying the department needed "
                        + "new shipbuilding money. Several senators asked for more detail on readiness costs.",
                Instant.parse("2025-11-12T15:00:00Z"),
                List.of(person("person/pete-hegseth", "Pete Hegseth", 1, "ピート・ヘグセス"),
                        new Entity("organization/united-states-senate", "United States Senate", EntityType.ORGANIZATION,
                                List.of(), Map.of("ja", List.of("米上院")))),
                List.of(new TopicMatch("us-defense-budget", Map.of("en", "US defense budget", "ja", "米国防予算"), 0.8)));
    }

    /** A Japanese article that has 軍 (in 米軍) and 対話 only apart, never the word 軍事. */
    public static EnrichedArticle militaryAndDialogueApart() {
        return article("okinawa-dialogue", "ja", "在沖縄米軍、地元住民との対話集会を開く",
                "沖縄に駐留する米軍は、基地周辺の住民との対話集会を開いた。騒音や交通の問題について意見を交わし、"
                        + "次回の対話も年内に開く予定だという。",
                Instant.parse("2025-11-10T03:00:00Z"), List.of(), List.of());
    }

    /** An English article whose body holds markup, which must come back escaped in snippets. */
    public static EnrichedArticle scriptInBody() {
        return article("browser-injection", "en", "Browser makers patch injection flaw",
                "Researchers showed that a crafted comment such as <script>alert('owned')</script> ran in the page. "
                        + "The injection worked because the forum echoed the comment without escaping it.",
                Instant.parse("2025-11-05T09:00:00Z"), List.of(),
                List.of(new TopicMatch("cybersecurity", Map.of("en", "Cybersecurity", "ja", "サイバーセキュリティ"), 0.7)));
    }

    /**
     * The article of {@link #scriptInBody} re-published a day later by another site, which the enrichment
     * marked as its near-duplicate.
     */
    public static EnrichedArticle syndicatedCopy() {
        EnrichedArticle original = scriptInBody();
        String url = "https://mirror.example/en/browser-injection";
        Instant published = Instant.parse("2025-11-06T09:00:00Z");
        return new EnrichedArticle(ArticleIds.forUrl(url), url, url, "mirror-example", "Mirror Example", IngestMethod.FEED,
                published, original.title(), null, List.of(), published, "en", original.body(), null, List.of(),
                List.of(), original.topics(), null, original.id(), ENRICHED_AT, "test");
    }

    /** An English article on US–China trade: the countries, but neither military nor dialogue. */
    public static EnrichedArticle trade() {
        return article("us-china-trade", "en", "China's exports rise despite US tariffs",
                "China's exports to the United States rose in October despite higher tariffs, customs data showed. "
                        + "Economists said US importers front-loaded orders.",
                Instant.parse("2025-11-08T02:00:00Z"),
                List.of(new Entity("place/china", "China", EntityType.PLACE, List.of(), Map.of("ja", List.of("中国"))),
                        new Entity("place/united-states", "United States", EntityType.PLACE, List.of(),
                                Map.of("ja", List.of("米国")))),
                List.of(new TopicMatch("us-china-trade", Map.of("en", "US–China trade", "ja", "米中貿易"), 0.8)));
    }

    /** A Chinese article, segmented by SmartCN. */
    public static EnrichedArticle chineseTradeTalks() {
        return article("zh-trade-talks", "zh", "中美两国举行经贸磋商",
                "中美两国代表在北京举行经贸磋商，双方讨论了关税和出口管制问题。",
                Instant.parse("2025-11-09T02:00:00Z"), List.of(), List.of());
    }

    /** The corpus of the search tests. */
    public static List<EnrichedArticle> corpus() {
        return List.of(seed(), pentagonBudget(), militaryAndDialogueApart(), scriptInBody(), trade(),
                chineseTradeTalks(), syndicatedCopy());
    }
}
