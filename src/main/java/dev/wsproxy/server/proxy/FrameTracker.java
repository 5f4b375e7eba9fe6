package dev.wsproxy.server.proxy;

import java.nio.ByteBuffer;

/**
 * Where WebSocket frames start in one direction of a tunnel, followed as the bytes pass: it reads each frame's
 * 2-14 byte header, then skips its payload by the length the header gives, so it neither copies nor holds a byte.
 * It also notes whether a close frame has passed. Bytes that are not WebSocket frames leave it lost, which only
 * matters to a stop: its close frame then goes out wherever the count says a frame starts.
 */
final class FrameTracker {

    private static final int CLOSE = 0x8;

    /** Payload bytes of the current frame still to pass. */
    private long payloadLeft;
    /** Bytes of the next frame's header seen so far: 0 at a frame boundary. */
    private int headerSeen;
    /** The full length of that header, and where its extended payload length ends; known from its second byte. */
    private int headerLength;
    private int extendedEnd;
    private int opcode;
    private long length;
    private boolean closeSeen;

    /** Follows the bytes of {@code bytes} from its position to its limit, which it leaves as they are. */
    void pass(ByteBuffer bytes) {
        int to = bytes.limit();
        for (int i = bytes.position(); i < to; ) {
            i = step(bytes, i, to);
        }
    }

    /**
     * Follows the bytes from {@code from} until a frame boundary.
     *
     * @return the index of the first boundary at or after {@code from} and at most {@code to}, or -1 when the
     *         bytes up to {@code to} end inside a frame
     */
    int untilBoundary(ByteBuffer bytes, int from, int to) {
        int i = from;
        while (!atBoundary()) {
            if (i == to) {
                return -1;
            }
            i = step(bytes, i, to);
        }
        return i;
    }

    /** Whether the bytes passed so far end where a frame ends. */
    boolean atBoundary() {
        return headerSeen == 0 && payloadLeft == 0;
    }

    /** Whether a close frame's header has passed. */
    boolean closeSeen() {
        return closeSeen;
    }

    /** Takes payload bytes, or one header byte, at {@code i}; returns where the next step starts. */
    private int step(ByteBuffer bytes, int i, int to) {
        if (payloadLeft > 0) {
            long skipped = Math.min(payloadLeft, to - i);
            payloadLeft -= skipped;
            return i + (int) skipped;
        }
        header(bytes.get(i) & 0xFF);
        return i + 1;
    }

    private void header(int b) {
        if (headerSeen == 0) {
            opcode = b & 0x0F;
        } else if (headerSeen == 1) {
            int shortLength = b & 0x7F;
            int extended = shortLength == 126 ? 2 : shortLength == 127 ? 8 : 0;
            extendedEnd = 2 + extended;
            headerLength = extendedEnd + ((b & 0x80) != 0 ? 4 : 0);
            length = extended == 0 ? shortLength : 0;
        } else if (headerSeen < extendedEnd) {
            length = (length << 8) | b;
        }
        headerSeen++;
        if (headerSeen > 1 && headerSeen == headerLength) {
            headerSeen = 0;
            // a 64-bit length with its top bit set breaks RFC 6455; its frame never ends
            payloadLeft = length < 0 ? Long.MAX_VALUE : length;
            closeSeen |= opcode == CLOSE;
        }
    }
}
