package dev.newswire.ingest.fetch;

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
 * Bytes of a page to text: the charset of the {@code Content-Type} header, else a byte order mark, else
 * (HTML) a {@code <meta charset>} in the first bytes, else UTF-8 — the order of the HTML standard's
 * encoding sniffing, minus its statistical guessing.
 */
public final class TextDecoding {

    private static final Pattern CHARSET_PARAM = Pattern.compile("(?i)charset\\s*=\\s*[\"']?([\\w.:-]+)");

    private TextDecoding() {
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

    /** Decodes the body; malformed bytes become U+FFFD rather than failing the article. */
    public static String decode(byte[] body, String contentType, boolean html) {
        int bomLength = 0;
        Charset charset = charsetOf(contentType);
        if (charset == null) {
            if (body.length >= 3 && (body[0] & 0xff) == 0xEF && (body[1] & 0xff) == 0xBB && (body[2] & 0xff) == 0xBF) {
                charset = StandardCharsets.UTF_8;
                bomLength = 3;
            } else if (body.length >= 2 && (body[0] & 0xff) == 0xFE && (body[1] & 0xff) == 0xFF) {
                charset = StandardCharsets.UTF_16BE;
                bomLength = 2;
            } else if (body.length >= 2 && (body[0] & 0xff) == 0xFF && (body[1] & 0xff) == 0xFE) {
                charset = StandardCharsets.UTF_16LE;
                bomLength = 2;
            } else if (html) {
                String declared = HtmlHints.declaredCharset(body);
                charset = declared == null ? null : lookup(declared);
            }
        }
        if (charset == null) {
            charset = StandardCharsets.UTF_8;
        }
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(body, bomLength, body.length - bomLength))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("REPLACE never throws", e);
        }
    }

    private static Charset lookup(String name) {
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }
}
