package dev.newswire.enrich.keywords;

/**
 * The lead of the article as its summary: whole sentences from the start of the body up to a
 * length (news puts the essentials first). Japanese and Chinese sentences end at 。！？, others
 * at . ! ? followed by a space.
 */
public final class LeadSummary {

    static final int CJK_LIMIT = 200;
    static final int LATIN_LIMIT = 320;

    public String summarize(String body, String language) {
        if (body == null || body.isBlank()) {
            return null;
        }
        String text = body.strip().replaceAll("\\s*\\n\\s*\\n\\s*", "\n");
        boolean cjk = "ja".equals(language) || "zh".equals(language) || "ko".equals(language);
        int limit = cjk ? CJK_LIMIT : LATIN_LIMIT;
        StringBuilder summary = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int end = sentenceEnd(text, i, cjk);
            String sentence = text.substring(i, end).strip();
            if (summary.length() > 0 && summary.length() + sentence.length() > limit) {
                break;
            }
            if (summary.length() > 0) {
                summary.append(cjk ? "" : " ");
            }
            summary.append(sentence);
            i = end;
            if (summary.length() >= limit) {
                break;
            }
        }
        String result = summary.toString().replace('\n', ' ');
        if (result.length() > limit * 3 / 2) {
            int cut = result.offsetByCodePoints(0, Math.min(limit, result.codePointCount(0, result.length())));
            result = result.substring(0, cut) + "…";
        }
        return result;
    }

    private static int sentenceEnd(String text, int from, boolean cjk) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                return i + 1;
            }
            if (c == '。' || c == '！' || c == '？') {
                return i + 1;
            }
            if (!cjk && (c == '.' || c == '!' || c == '?') && (i + 1 == text.length() || text.charAt(i + 1) == ' ')) {
                return i + 1;
            }
        }
        return text.length();
    }
}
