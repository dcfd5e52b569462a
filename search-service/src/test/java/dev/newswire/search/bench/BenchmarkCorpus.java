package dev.newswire.search.bench;

import dev.newswire.model.EnrichedArticle;
import dev.newswire.model.Entity;
import dev.newswire.model.EntityType;
import dev.newswire.model.TopicMatch;
import dev.newswire.search.TestArticles;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A reproducible synthetic corpus for the benchmarks: a third Japanese articles made of the seed's
 * paragraphs (with its entities and topic), the rest English articles drawn from a sentence pool, with
 * topics, entities, sources and dates spread so that every facet has many values.
 */
final class BenchmarkCorpus {

    private static final String[] SENTENCES = {
        "Defense officials from both countries met in Washington to discuss crisis communication.",
        "The Pentagon said the talks were part of an effort to keep military channels open.",
        "Analysts expect further meetings before the end of the year.",
        "Trade data released on Monday showed exports rising for the third month.",
        "The central bank left interest rates unchanged, citing stable inflation.",
        "Officials said the agreement would be signed at a summit next month.",
        "Opposition lawmakers criticised the plan as too costly.",
        "Heavy rain caused flooding in several districts, and schools were closed.",
        "The company reported quarterly profit above expectations on strong cloud demand.",
        "Researchers published a study on the effects of heat waves on city hospitals.",
        "The minister said dialogue with neighbouring countries remained a priority.",
        "Negotiators worked through the night to close the remaining gaps.",
        "Security forces were put on alert ahead of the election.",
        "The court ruled that the law violated the constitution.",
        "Fans gathered outside the stadium hours before the final.",
        "Shipping rates rose after disruptions at a major port.",
        "The government announced new subsidies for electric vehicles.",
        "Local residents held a meeting with base officials about aircraft noise.",
        "The summit ended with a joint statement on maritime safety.",
        "Hospitals reported a rise in flu cases as temperatures dropped.",
    };

    private static final String[] PEOPLE = {"Pete Hegseth", "Dong Jun", "Xi Jinping", "Donald Trump", "Joe Biden",
        "Nancy Pelosi", "Alvaro Smith", "Anna Berg", "Luis Ortega", "Mei Lin", "Kenji Sato", "Fatima Haddad"};
    private static final String[] ORGANIZATIONS = {"Pentagon", "People's Liberation Army", "ASEAN", "World Bank",
        "European Commission", "Toyota", "United Nations", "Federal Reserve"};
    private static final String[] PLACES = {"Washington", "Beijing", "Tokyo", "Taiwan", "Malaysia", "Seoul",
        "Berlin", "Nairobi", "Brasília", "Manila"};
    private static final String[][] TOPICS = {
        {"us-china-military-dialogue", "US–China military dialogue", "米中軍事対話"},
        {"us-china-trade", "US–China trade", "米中貿易"},
        {"us-defense-budget", "US defense budget", "米国防予算"},
        {"monetary-policy", "Monetary policy", "金融政策"},
        {"elections", "Elections", "選挙"},
        {"climate", "Climate", "気候"},
        {"public-health", "Public health", "公衆衛生"},
        {"technology", "Technology", "テクノロジー"},
        {"sports", "Sports", "スポーツ"},
        {"maritime-security", "Maritime security", "海洋安全保障"},
    };

    private BenchmarkCorpus() {
    }

    static List<EnrichedArticle> generate(int n, long seed) {
        return generate(n, seed, 0);
    }

    /** {@code n} articles with ids from {@code firstId} on. */
    static List<EnrichedArticle> generate(int n, long seed, int firstId) {
        EnrichedArticle japanese = TestArticles.seed();
        String[] paragraphs = japanese.body().split("\n\n");
        Random random = new Random(seed);
        Instant start = Instant.parse("2025-01-01T00:00:00Z");
        List<EnrichedArticle> articles = new ArrayList<>(n);
        for (int i = firstId; i < firstId + n; i++) {
            Instant published = start.plusSeconds(random.nextInt(330 * 24 * 3600));
            TopicMatch topic = topic(random);
            String source = "source-" + random.nextInt(40);
            if (i % 3 == 0) {
                StringBuilder body = new StringBuilder();
                int count = 3 + random.nextInt(5);
                for (int p = 0; p < count; p++) {
                    body.append(paragraphs[random.nextInt(paragraphs.length)]).append("\n\n");
                }
                List<Entity> entities = new ArrayList<>();
                for (Entity entity : japanese.entities()) {
                    if (random.nextInt(3) == 0) {
                        entities.add(entity);
                    }
                }
                articles.add(new EnrichedArticle(id(i), "https://bench.example/ja/" + i, null, source, source, null,
                        published, japanese.title() + " (" + i + ")", null, null, published, "ja",
                        body.toString().strip(), null, null, entities, List.of(topic), null, null, published, "bench"));
            } else {
                StringBuilder body = new StringBuilder();
                int count = 4 + random.nextInt(8);
                for (int s = 0; s < count; s++) {
                    body.append(SENTENCES[random.nextInt(SENTENCES.length)]).append(s % 3 == 2 ? "\n\n" : " ");
                }
                String person = pick(random, PEOPLE);
                String organization = pick(random, ORGANIZATIONS);
                String place = pick(random, PLACES);
                List<Entity> entities = List.of(
                        TestArticles.person("person/" + slug(person), person, 1 + random.nextInt(3), null),
                        new Entity("organization/" + slug(organization), organization, EntityType.ORGANIZATION,
                                List.of(), Map.of()),
                        new Entity("place/" + slug(place), place, EntityType.PLACE, List.of(), Map.of()));
                articles.add(new EnrichedArticle(id(i), "https://bench.example/en/" + i, null, source, source, null,
                        published, SENTENCES[random.nextInt(SENTENCES.length)].replace(".", "") + " " + i, null, null,
                        published, "en", body.toString().strip(), null, null, entities, List.of(topic), null, null,
                        published, "bench"));
            }
        }
        return articles;
    }

    private static TopicMatch topic(Random random) {
        String[] topic = TOPICS[random.nextInt(TOPICS.length)];
        return new TopicMatch(topic[0], Map.of("en", topic[1], "ja", topic[2]), 0.5 + random.nextDouble() / 2);
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String slug(String name) {
        return name.toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }

    private static String id(int i) {
        return String.format("bench-%08d", i);
    }
}
