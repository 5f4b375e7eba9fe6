package dev.wsproxy.server.routing;

import java.nio.ByteBuffer;

/**
 * The framing of a chunked request body, read as nginx reads it: a chunk size of hex digits, an optional
 * extension after {@code ;}, a blank or a tab, the line's end (CRLF or LF), exactly the chunk's bytes, then the
 * line's end again; after the last chunk, trailer fields and an empty line. Anything else is a
 * {@link MalformedChunk}. It reads the framing bytes only; the caller takes each chunk's data itself. A client's
 * request body and a backend's response body are both read by it.
 */
public final class ChunkFraming {

    /** nginx's limit on a chunk size line is its header buffer; an extension has no business being longer. */
    static final int MAX_LINE = 4096;
    /** The trailer section as a whole, the size of a modest request head. */
    static final int MAX_TRAILERS = 8192;

    private enum State { SIZE_START, SIZE, EXTENSION, SIZE_LF, DATA, AFTER_DATA, AFTER_DATA_LF, TRAILER_START,
        TRAILER, TRAILER_LF, LAST_LF, DONE }

    private State state = State.SIZE_START;
    private long size;
    private long dataLeft;
    private int lineLength;
    private int trailerLength;
    private boolean colon;

    /** Bytes of the current chunk's data still to come; 0 while framing is being read. */
    public long dataLeft() {
        return state == State.DATA ? dataLeft : 0;
    }

    /** Counts {@code count} data bytes the caller took. */
    public void tookData(long count) {
        dataLeft -= count;
        if (dataLeft == 0) {
            state = State.AFTER_DATA;
        }
    }

    public boolean done() {
        return state == State.DONE;
    }

    /** Reads framing bytes from {@code in} until a chunk's data starts, the body ends, or {@code in} is empty. */
    public void read(ByteBuffer in) throws MalformedChunk {
        while (in.hasRemaining() && state != State.DATA && state != State.DONE) {
            step(in.get());
        }
    }

    private void step(byte b) throws MalformedChunk {
        switch (state) {
            case SIZE_START -> {
                int digit = Character.digit(b, 16);
                if (digit < 0) {
                    throw new MalformedChunk("a chunk size is not hexadecimal");
                }
                size = digit;
                lineLength = 1;
                state = State.SIZE;
            }
            case SIZE -> sizeDigitOrEnd(b);
            case EXTENSION -> {
                if (!lineEnd(b)) {
                    countLine();
                }
            }
            case SIZE_LF -> {
                expectLf(b, "a chunk size line does not end in CRLF");
                sizeLineEnded();
            }
            case AFTER_DATA -> {
                if (b == '\r') {
                    state = State.AFTER_DATA_LF;
                } else {
                    expectLf(b, "a chunk's data is longer than its size");
                    state = State.SIZE_START;
                }
            }
            case AFTER_DATA_LF -> {
                expectLf(b, "a chunk's data is longer than its size");
                state = State.SIZE_START;
            }
            case TRAILER_START -> trailerLineStart(b);
            case TRAILER -> trailerByte(b);
            case TRAILER_LF -> {
                expectLf(b, "a trailer line does not end in CRLF");
                trailerLineEnded();
            }
            case LAST_LF -> {
                expectLf(b, "a chunked body does not end in CRLF");
                state = State.DONE;
            }
            default -> throw new IllegalStateException(state.name());
        }
    }

    private void sizeDigitOrEnd(byte b) throws MalformedChunk {
        int digit = Character.digit(b, 16);
        if (digit >= 0) {
            if (size > Long.MAX_VALUE >> 4) {
                throw new MalformedChunk("a chunk size does not fit 63 bits");
            }
            size = size << 4 | digit;
            countLine();
        } else if (b == ';' || b == ' ' || b == '\t') {
            state = State.EXTENSION;
            countLine();
        } else if (!lineEnd(b)) {
            throw new MalformedChunk("a chunk size is not hexadecimal");
        }
    }

    /** Whether {@code b} ends the size line (LF) or starts its end (CR); moves on if so. */
    private boolean lineEnd(byte b) {
        if (b == '\r') {
            state = State.SIZE_LF;
            return true;
        }
        if (b == '\n') {
            sizeLineEnded();
            return true;
        }
        return false;
    }

    private void countLine() throws MalformedChunk {
        if (++lineLength > MAX_LINE) {
            throw new MalformedChunk("a chunk size line is longer than " + MAX_LINE + " bytes");
        }
    }

    private void sizeLineEnded() {
        if (size == 0) {
            state = State.TRAILER_START;
        } else {
            dataLeft = size;
            state = State.DATA;
        }
    }

    private void trailerLineStart(byte b) throws MalformedChunk {
        if (b == '\r') {
            state = State.LAST_LF;
        } else if (b == '\n') {
            state = State.DONE;
        } else {
            colon = false;
            state = State.TRAILER;
            trailerByte(b);
        }
    }

    private void trailerByte(byte b) throws MalformedChunk {
        if (b == '\r') {
            state = State.TRAILER_LF;
            return;
        }
        if (b == '\n') {
            trailerLineEnded();
            return;
        }
        if (++trailerLength > MAX_TRAILERS) {
            throw new MalformedChunk("the trailer fields are longer than " + MAX_TRAILERS + " bytes");
        }
        colon |= b == ':';
    }

    private void trailerLineEnded() throws MalformedChunk {
        if (!colon) {
            throw new MalformedChunk("a trailer line is not a header field");
        }
        state = State.TRAILER_START;
    }

    private static void expectLf(byte b, String why) throws MalformedChunk {
        if (b != '\n') {
            throw new MalformedChunk(why);
        }
    }
}
