package dev.newswire.ingest.intake;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The 202 answer of every ingest endpoint.
 *
 * @param accepted how many items were published (acknowledged by Kafka)
 * @param rejected how many were not, each with its reasons in {@code items}
 * @param ids      the article ids of the accepted items, in request order
 * @param items    one result per item, in request order
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IngestResponse(int accepted, int rejected, List<String> ids, List<Item> items) {

    /**
     * The result of one item.
     *
     * @param index  its position in the request (0 for a single item)
     * @param status {@code accepted} or {@code rejected}
     * @param id     its article id when accepted
     * @param url    its URL, when it had one
     * @param title  its title, when it had one (feed entries)
     * @param errors why it was rejected
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Item(int index, String status, String id, String url, String title, List<FieldProblem> errors) {

        public static Item accepted(int index, String id, String url, String title) {
            return new Item(index, "accepted", id, url, title, null);
        }

        public static Item rejected(int index, String url, String title, List<FieldProblem> errors) {
            return new Item(index, "rejected", null, url, title, errors);
        }

        public boolean isAccepted() {
            return "accepted".equals(status);
        }
    }

    public static IngestResponse of(List<Item> items) {
        List<String> ids = items.stream().filter(Item::isAccepted).map(Item::id).toList();
        return new IngestResponse(ids.size(), items.size() - ids.size(), ids, items);
    }
}
