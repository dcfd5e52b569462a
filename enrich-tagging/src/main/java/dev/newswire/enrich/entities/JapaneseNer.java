package dev.newswire.enrich.entities;

import java.io.InputStream;
import java.util.List;

/** Japanese named entities: kuromoji morphemes, the character-level tagger, gazetteer hints. */
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
        return Bio.decode(model.decode(features(text, cp, JapaneseTokens.of(text), hints)));
    }

    /** The spans given the morphemes already computed for other stages. */
    public List<Span> find(String text, JapaneseTokens tokens) {
        int[] cp = text.codePoints().toArray();
        return Bio.decode(model.decode(features(text, cp, tokens, hints)));
    }

    static int[][] features(String text, int[] cp, JapaneseTokens tokens, GazetteerHints hints) {
        return JapaneseFeatures.of(cp, tokens, hints == null ? null : hints.of(cp), DictionaryLattice.of(text));
    }
}
