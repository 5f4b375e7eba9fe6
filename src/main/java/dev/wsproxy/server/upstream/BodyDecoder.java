package dev.wsproxy.server.upstream;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A backend response's body taken off the wire piece by piece as it arrives, framed by its length, by chunks or by
 * the end of the connection: the body's bytes go on to an output, the framing stays behind, and it says where the
 * body ended, so that what follows it is not taken for body.
 */
final class BodyDecoder {

    private static final int MAX_LINE = 16 * 1024;

    private enum State { FIXED, UNTIL_CLOSE, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, TRAILER, DONE }

    private State state;
    private long left;
    private final StringBuilder line = new StringBuilder();

    private BodyDecoder(State state, long left) {
        this.state = state;
        this.left = left;
    }

    /** A body of {@code length} bytes; 0 for a response that has none (HEAD, 204, 304). */
    static BodyDecoder fixed(long length) {
        return new BodyDecoder(length == 0 ? State.DONE : State.FIXED, length);
    }

    static BodyDecoder chunked() {
        return new BodyDecoder(State.CHUNK_SIZE, 0);
    }

    static BodyDecoder untilClose() {
        return new BodyDecoder(State.UNTIL_CLOSE, 0);
    }

    /** Whether the whole body has been taken. */
    boolean done() {
        return state == State.DONE;
    }

    /** Whether the end of the connection ends this body, rather than cutting it short. */
    boolean endsAtClose() {
        return state == State.UNTIL_CLOSE;
    }

    /**
     * Takes {@code bytes[offset..offset+length)}, writing the body's part of them to {@code out}.
     *
     * @return how many bytes belonged to the body and its framing: fewer than {@code length} once it is done
     * @throws IOException when the chunk framing is malformed, or {@code out} fails
     */
    int feed(byte[] bytes, int offset, int length, OutputStream out) throws IOException {
        int at = offset;
        int end = offset + length;
        while (at < end && state != State.DONE) {
            if (state == State.UNTIL_CLOSE || state == State.FIXED || state == State.CHUNK_DATA) {
                int n = state == State.UNTIL_CLOSE ? end - at : (int) Math.min(left, end - at);
                out.write(bytes, at, n);
                at += n;
                left -= n;
                if (state != State.UNTIL_CLOSE && left == 0) {
                    state = state == State.FIXED ? State.DONE : State.CHUNK_END;
                }
            } else {
                int newline = indexOfNewline(bytes, at, end);
                int lineEnd = newline < 0 ? end : newline;
                if (line.length() + lineEnd - at > MAX_LINE) {
                    throw new IOException("backend sent a chunk line longer than " + MAX_LINE + " bytes");
                }
                line.append(new String(bytes, at, lineEnd - at, StandardCharsets.ISO_8859_1));
                at = newline < 0 ? end : newline + 1;
                if (newline >= 0) {
                    lineDone();
                }
            }
        }
        return at - offset;
    }

    private void lineDone() throws IOException {
        int length = line.length();
        String text = length > 0 && line.charAt(length - 1) == '\r' ? line.substring(0, length - 1) : line.toString();
        line.setLength(0);
        switch (state) {
            case CHUNK_SIZE -> {
                left = chunkSize(text);
                state = left == 0 ? State.TRAILER : State.CHUNK_DATA;
            }
            case CHUNK_END -> {
                if (!text.isEmpty()) {
                    throw new IOException("backend sent a chunk without its CRLF");
                }
                state = State.CHUNK_SIZE;
            }
            default -> state = text.isEmpty() ? State.DONE : State.TRAILER;
        }
    }

    private static long chunkSize(String text) throws IOException {
        int extension = text.indexOf(';');
        try {
            long size = Long.parseLong((extension < 0 ? text : text.substring(0, extension)).trim(), 16);
            if (size < 0) {
                throw new NumberFormatException();
            }
            return size;
        } catch (NumberFormatException e) {
            throw new IOException("backend sent a bad chunk size: " + text);
        }
    }

    private static int indexOfNewline(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
