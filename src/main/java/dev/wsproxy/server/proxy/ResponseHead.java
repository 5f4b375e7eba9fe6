package dev.wsproxy.server.proxy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The status line and headers of a backend's HTTP/1.x response (to an upgrade or a proxied request), read raw. */
public record ResponseHead(int status, String reason, List<Header> headers, int length) {

    /** The longest reason phrase relayed; Undertow fails a response whose status line outgrows its buffer. */
    static final int MAX_REASON = 1024;

    /** One response header, name in the backend's spelling. */
    public record Header(String name, String value) {
    }

    /** Thrown when the bytes are not an HTTP/1.x response head. */
    public static final class MalformedHead extends Exception {
        public MalformedHead(String message) {
            super(message);
        }
    }

    public ResponseHead {
        headers = List.copyOf(headers);
    }

    /**
     * Parses the head at the start of {@code bytes[0..end)}.
     *
     * @return the head, or null when its terminating blank line has not arrived yet
     */
    public static ResponseHead parse(byte[] bytes, int end) throws MalformedHead {
        int headEnd = indexOfBlankLine(bytes, end);
        if (headEnd < 0) {
            return null;
        }
        // read in place, one string per part kept: the head as one string, its lines and their trimmed copies
        // were a tenth of what an upgrade allocated
        int lineEnd = lineEnd(bytes, 0, headEnd);
        String statusLine = text(bytes, 0, lineEnd);
        if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12 || statusLine.charAt(8) != ' '
                || statusLine.length() > 12 && statusLine.charAt(12) != ' ') {
            throw new MalformedHead("not an HTTP/1.x status line: " + abbreviate(statusLine));
        }
        int status;
        try {
            status = Integer.parseInt(statusLine, 9, 12, 10);
        } catch (NumberFormatException e) {
            throw new MalformedHead("bad status code in: " + abbreviate(statusLine));
        }
        String reason = statusLine.length() > 12 ? statusLine.substring(13) : "";
        if (reason.length() > MAX_REASON) {
            throw new MalformedHead("reason phrase longer than " + MAX_REASON + " bytes: " + abbreviate(reason));
        }
        List<Header> headers = new ArrayList<>();
        for (int start = lineEnd + 2; start < headEnd; start = lineEnd + 2) {
            lineEnd = lineEnd(bytes, start, headEnd);
            int colon = indexOf(bytes, ':', start, lineEnd);
            if (colon <= start || Character.isWhitespace((char) (bytes[start] & 0xFF))) {
                throw new MalformedHead("bad header line: " + abbreviate(text(bytes, start, lineEnd)));
            }
            headers.add(new Header(trimmed(bytes, start, colon), trimmed(bytes, colon + 1, lineEnd)));
        }
        return new ResponseHead(status, reason, headers, headEnd + 4);
    }

    /** The first value of a header, compared case-insensitively, or null. */
    public String first(String name) {
        for (Header header : headers) {
            if (header.name().equalsIgnoreCase(name)) {
                return header.value();
            }
        }
        return null;
    }

    public boolean isChunked() {
        String encoding = first("Transfer-Encoding");
        return encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked");
    }

    /** The declared body length; -1 when the body runs to the end of the connection or is chunked. */
    public long contentLength() throws MalformedHead {
        if (status == 204 || status == 304 || status < 200) {
            return 0;
        }
        String length = first("Content-Length");
        if (length == null || isChunked()) {
            return -1;
        }
        try {
            return Long.parseLong(length);
        } catch (NumberFormatException e) {
            throw new MalformedHead("bad Content-Length: " + abbreviate(length));
        }
    }

    private static int indexOfBlankLine(byte[] bytes, int end) {
        for (int i = 0; i + 3 < end; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i + 2] == '\r' && bytes[i + 3] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Where the line from {@code start} ends: its CRLF, or {@code headEnd}. */
    private static int lineEnd(byte[] bytes, int start, int headEnd) {
        for (int i = start; i + 1 < headEnd; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        return headEnd;
    }

    private static int indexOf(byte[] bytes, char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private static String text(byte[] bytes, int from, int to) {
        return new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
    }

    /** The text of {@code bytes[from..to)} without the spaces and controls {@link String#trim} drops. */
    private static String trimmed(byte[] bytes, int from, int to) {
        while (from < to && (bytes[from] & 0xFF) <= ' ') {
            from++;
        }
        while (to > from && (bytes[to - 1] & 0xFF) <= ' ') {
            to--;
        }
        return text(bytes, from, to);
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }
}
