package dev.newswire.enrich.entities;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Japanese named entities: a tagger over kuromoji's morphemes (99 % of the names of the training
 * data start and end on a morpheme boundary), with gazetteer hints.
 */
public final class JapaneseNer implements NamedEntityRecognizer {

    static final String MODEL_RESOURCE = "ner-ja.model";

    private final LinearChainModel model;
    private final GazetteerHints hints;

    JapaneseNer(LinearChainModel model, GazetteerHints hints) {
        this.model = model;
        this.hints = hints;
    }

    /** The model checked in as a resource. */
    public static JapaneseNer load(Gazetteer gazetteer) {
        try (InputStream in = JapaneseNer.class.getResourceAsStream(MODEL_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + MODEL_RESOURCE);
            }
            return new JapaneseNer(LinearChainModel.read(in), new GazetteerHints(gazetteer));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public List<Span> find(String text) {
        int[] cp = text.codePoints().toArray();
        JapaneseTokens tokens = JapaneseTokens.of(text);
        List<Span> byToken = Bio.decode(model.decode(features(text, cp, tokens, hints)));
        List<Span> spans = new ArrayList<>(byToken.size());
        for (Span s : byToken) {
            spans.add(katakanaWhole(cp, new Span(tokens.start()[s.start()], tokens.end()[s.end() - 1], s.type())));
        }
        return SpanRules.japanese(cp, spans, hints == null ? null : hints.gazetteer());
    }

    /**
     * A name does not start or end inside a katakana word: kuromoji sometimes cuts an unknown
     * katakana name (ロ + リック・カナ), and the tagger then follows the cut.
     */
    private static Span katakanaWhole(int[] cp, Span span) {
        int start = span.start();
        int end = span.end();
        while (start > 0 && isKatakana(cp[start - 1]) && isKatakana(cp[start])) {
            start--;
        }
        while (end < cp.length && isKatakana(cp[end]) && isKatakana(cp[end - 1])) {
            end++;
        }
        return start == span.start() && end == span.end() ? span : new Span(start, end, span.type());
    }

    private static boolean isKatakana(int c) {
        return (c >= 'ァ' && c <= 'ヺ') || c == 'ー';
    }

    static int[][] features(String text, int[] cp, JapaneseTokens tokens, GazetteerHints hints) {
        return JapaneseTokenFeatures.of(cp, tokens, hints == null ? null : hints.of(cp),
                UnidicView.of(text, cp.length));
    }

    /** Gold labels per morpheme: a morpheme belongs to the name whose span holds it. */
    static int[] labels(JapaneseTokens tokens, List<Bio.Tagged> spans) {
        List<Bio.Tagged> byToken = new ArrayList<>();
        for (Bio.Tagged span : spans) {
            int first = -1;
            int last = -1;
            for (int t = 0; t < tokens.size(); t++) {
                if (tokens.start()[t] >= span.start() && tokens.end()[t] <= span.end()) {
                    first = first < 0 ? t : first;
                    last = t;
                }
            }
            if (first >= 0) {
                byToken.add(new Bio.Tagged(first, last + 1, span.type()));
            }
        }
        return Bio.encode(tokens.size(), byToken);
    }
}
