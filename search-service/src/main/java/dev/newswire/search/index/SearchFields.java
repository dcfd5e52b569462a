package dev.newswire.search.index;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/**
 * Fields derived from an article for searching, stored under {@code search} in the document beside the
 * article's own fields (see {@code index/news-v1.json}).
 *
 * @param published          publication time, or the fetch time when the source gave none (filters, sort, histogram)
 * @param titleWords         segmented title (Japanese, Chinese)
 * @param bodyWords          segmented body (Japanese, Chinese)
 * @param names              canonical names and aliases of every entity, in every language
 * @param nameWords          segmented forms of the names written in Han or kana
 * @param topicLabels        every label of every topic
 * @param topicLabelWords    segmented forms of the labels written in Han or kana
 * @param topicIds           topic ids (filter)
 * @param topicKeys          topic facet keys ({@link FacetKeys}: id and English label)
 * @param personIds          person ids (filter)
 * @param personKeys         person facet keys
 * @param personNames        person names and aliases (filter by name)
 * @param organizationIds    organisation ids
 * @param organizationKeys   organisation facet keys
 * @param organizationNames  organisation names and aliases
 * @param placeIds           place ids
 * @param placeKeys          place facet keys
 * @param placeNames         place names and aliases
 * @param sourceKey          source facet key (source id and name)
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record SearchFields(
        Instant published,
        String titleWords,
        String bodyWords,
        List<String> names,
        List<String> nameWords,
        List<String> topicLabels,
        List<String> topicLabelWords,
        List<String> topicIds,
        List<String> topicKeys,
        List<String> personIds,
        List<String> personKeys,
        List<String> personNames,
        List<String> organizationIds,
        List<String> organizationKeys,
        List<String> organizationNames,
        List<String> placeIds,
        List<String> placeKeys,
        List<String> placeNames,
        String sourceKey) {
}
