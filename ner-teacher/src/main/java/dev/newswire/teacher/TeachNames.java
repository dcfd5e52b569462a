package dev.newswire.teacher;

import dev.newswire.enrich.entities.SilverCorpus;
import dev.newswire.enrich.entities.TrainNer;
import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes ner-training's silver labels ({@link SilverCorpus#LABELS}): Stanford CoreNLP's English
 * NER over the article text of the English pages of {@code ../shared}'s extraction set, a line for
 * each sentence with at least one person, organisation or place. Run from the checkout's root:
 * <pre>
 * mvn -B -q -Pteacher -pl ner-teacher -am process-classes
 * </pre>
 * with {@code -Dexec.args="--shared DIR"} for another {@code ../shared}. The same pages give the
 * same file.
 */
public final class TeachNames {

    static final String MODEL = "edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz";

    private TeachNames() {
    }

    public static void main(String[] args) throws Exception {
        Path root = TrainNer.projectRoot();
        Path shared = root.resolve("../shared").normalize();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--shared")) {
                shared = Path.of(args[++i]);
            } else {
                throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        CRFClassifier<CoreLabel> tagger = CRFClassifier.getClassifier(MODEL);
        Map<String, List<String>> pages = SilverCorpus.paragraphs(shared);
        StringBuilder out = new StringBuilder();
        out.append("# Silver names for the English tagger (SilverCorpus): Stanford CoreNLP ")
                .append("4.5.10's english.all.3class.distsim\n")
                .append("# over the article text of the English pages of ../shared/eval/extraction-readability; ")
                .append("the text is not here.\n")
                .append("# page, paragraph, start, end (UTF-16 in the paragraph), gaps between tokens that are no single space, ")
                .append("hash of the tokens joined by spaces, names (code points in those). Written by ner-teacher's TeachNames.\n");
        int sentences = 0;
        int names = 0;
        for (Map.Entry<String, List<String>> page : pages.entrySet()) {
            List<String> paragraphs = page.getValue();
            for (int p = 0; p < paragraphs.size(); p++) {
                String paragraph = paragraphs.get(p);
                for (List<CoreLabel> sentence : tagger.classify(paragraph)) {
                    Tokens tokens = Tokens.of(paragraph, sentence);
                    if (!tokens.names().isEmpty()) {
                        out.append(SilverCorpus.labelLine(page.getKey(), p, tokens.start(), tokens.end(),
                                tokens.gaps(), tokens.text(), tokens.names())).append('\n');
                        sentences++;
                        names += tokens.names().size();
                    }
                }
            }
        }
        Path file = root.resolve(SilverCorpus.LABELS);
        Files.createDirectories(file.getParent());
        Files.writeString(file, out, StandardCharsets.UTF_8);
        System.out.printf("%d pages, %d sentences with %d names: %s%n", pages.size(), sentences, names, file);
    }

    /**
     * A sentence as wikigold writes one: its tokens joined by single spaces. {@code start} and
     * {@code end} bound it in the paragraph, {@code gaps} are where (in UTF-16 from {@code start}) the
     * paragraph has no single space between two tokens, {@code names} the runs of one type as
     * {@code start-end:TYPE} in code points of {@code text}.
     */
    record Tokens(int start, int end, List<String> gaps, String text, List<String> names) {

        static Tokens of(String paragraph, List<CoreLabel> sentence) {
            int start = TeachNames.begin(sentence.get(0));
            List<String> gaps = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            int[] from = new int[sentence.size()];
            int[] to = new int[sentence.size()];
            for (int i = 0; i < sentence.size(); i++) {
                CoreLabel token = sentence.get(i);
                if (i > 0) {
                    int gapStart = TeachNames.end(sentence.get(i - 1));
                    int gapEnd = TeachNames.begin(token);
                    if (gapEnd - gapStart != 1 || paragraph.charAt(gapStart) != ' ') {
                        gaps.add((gapStart - start) + "-" + (gapEnd - start));
                    }
                    text.append(' ');
                }
                from[i] = text.codePointCount(0, text.length());
                text.append(paragraph, TeachNames.begin(token), TeachNames.end(token));
                to[i] = text.codePointCount(0, text.length());
            }
            List<String> names = new ArrayList<>();
            int i = 0;
            while (i < sentence.size()) {
                String type = conll(sentence.get(i).get(CoreAnnotations.AnswerAnnotation.class));
                if (type == null) {
                    i++;
                    continue;
                }
                int j = i + 1;
                while (j < sentence.size() && type.equals(conll(sentence.get(j).get(CoreAnnotations.AnswerAnnotation.class)))) {
                    j++;
                }
                names.add(from[i] + "-" + to[j - 1] + ":" + type);
                i = j;
            }
            return new Tokens(start, TeachNames.end(sentence.get(sentence.size() - 1)), gaps, text.toString(), names);
        }
    }

    private static String conll(String answer) {
        if (answer == null) {
            return null;
        }
        return switch (answer) {
            case "PERSON" -> "PER";
            case "ORGANIZATION" -> "ORG";
            case "LOCATION" -> "LOC";
            default -> null;
        };
    }

    private static int begin(CoreLabel token) {
        Integer offset = token.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class);
        if (offset == null) {
            throw new IllegalStateException("the tokenizer gave no character offsets");
        }
        return offset;
    }

    private static int end(CoreLabel token) {
        return token.get(CoreAnnotations.CharacterOffsetEndAnnotation.class);
    }
}
