package dev.newswire.enrich.entities;

import java.util.List;

/**
 * The gazetteer's opinion per character, as a feature of the tagger: the type of a name found
 * there and the position in it (begin, inside, end, single). The tagger learns how far to trust it.
 */
final class GazetteerHints {

    private final Gazetteer gazetteer;

    GazetteerHints(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    Gazetteer gazetteer() {
        return gazetteer;
    }

    int[] of(int[] cp) {
        int[] hints = new int[cp.length];
        List<Gazetteer.Match> matches = gazetteer.find(cp);
        for (Gazetteer.Match match : matches) {
            int type = match.entry().type().ordinal() + 1;
            for (int i = match.start(); i < match.end(); i++) {
                int place = match.end() - match.start() == 1 ? 4 : i == match.start() ? 1 : i == match.end() - 1 ? 3 : 2;
                hints[i] = type * 8 + place;
            }
        }
        return hints;
    }
}
