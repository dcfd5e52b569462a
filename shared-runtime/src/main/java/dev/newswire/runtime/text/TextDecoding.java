package dev.newswire.runtime.text;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bytes of a page or text to a string, decoded as a browser would: the charset of the {@code Content-Type}
 * (when there is one), else a byte order mark (dropped), else for HTML the charset the page declares in its
 * first bytes ({@code <meta charset>} or {@code http-equiv} Content-Type), else UTF-8 — the order of the
 * HTML standard's encoding sniffing, minus its statistical guessing. ISO-8859-1 and US-ASCII are read as
 * windows-1252, their superset, as the standard's encoding labels have it. Bytes the charset cannot decode
 * become U+FFFD instead of failing the article: real pages carry stray bytes (27 of trafilatura's 990
 * evaluation pages do). Used for fetched and pushed pages (ingest-service) and for files
 * ({@code ./newswire extract}), so that one page decodes the same by every way in.
 */
public final class TextDecoding {

    /** How far into a page its charset declaration is looked for (the HTML standard's prescan reads 1024 bytes). */
    private static final int PRESCAN_BYTES = 4096;
    private static final Pattern CHARSET_PARAM = Pattern.compile("(?i)charset\\s*=\\s*[\"']?([\\w.:-]+)");
    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta[^>]{0,200}?charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:-]{1,40})", Pattern.CASE_INSENSITIVE);

    private TextDecoding() {
    }

    /** A file's bytes, with no header to go by: a byte order mark, else a declared charset, else UTF-8. */
    public static String decode(byte[] bytes) {
        return decode(bytes, null, true);
    }

    /**
     * A body received with {@code contentType} (may be null).
     *
     * @param html whether a charset declared inside the page counts (not for {@code text/plain})
     */
    public static String decode(byte[] body, String contentType, boolean html) {
        int bomLength = 0;
        Charset charset = charsetOf(contentType);
        if (charset == null) {
            if (startsWith(body, 0xEF, 0xBB, 0xBF)) {
                charset = StandardCharsets.UTF_8;
                bomLength = 3;
            } else if (startsWith(body, 0xFE, 0xFF)) {
                charset = StandardCharsets.UTF_16BE;
                bomLength = 2;
            } else if (startsWith(body, 0xFF, 0xFE)) {
                charset = StandardCharsets.UTF_16LE;
                bomLength = 2;
            } else if (html) {
                charset = declared(body);
            }
        }
        return lenient(body, bomLength, charset == null ? StandardCharsets.UTF_8 : charset);
    }

    /** The charset named by a {@code Content-Type} value, or {@code null}. */
    public static Charset charsetOf(String contentType) {
        if (contentType == null) {
            return null;
        }
        Matcher m = CHARSET_PARAM.matcher(contentType);
        return m.find() ? lookup(m.group(1)) : null;
    }

    /** The media type of a {@code Content-Type} value, lower case, without parameters; {@code null} if none. */
    public static String mediaType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return null;
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    /**
     * The charset a page declares in its first bytes, or {@code null} when it declares none that Java knows.
     * A page cannot declare itself UTF-16 in bytes that an ASCII prescan can read: such a declaration is
     * ignored.
     */
    public static Charset declared(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, PRESCAN_BYTES), StandardCharsets.ISO_8859_1);
        Matcher m = META_CHARSET.matcher(head);
        if (!m.find()) {
            return null;
        }
        Charset charset = lookup(m.group(1));
        return charset == null || charset.name().startsWith("UTF-16") ? null : charset;
    }

    private static Charset lookup(String label) {
        String name = label.strip().toLowerCase(Locale.ROOT);
        if (name.equals("iso-8859-1") || name.equals("latin1") || name.equals("us-ascii") || name.equals("ascii")) {
            name = "windows-1252";
        }
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }

    private static String lenient(byte[] bytes, int offset, Charset charset) {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("a replacing decoder cannot fail", e);
        }
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
