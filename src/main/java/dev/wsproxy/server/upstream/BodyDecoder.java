package dev.wsproxy.server.upstream;

import dev.wsproxy.server.routing.ChunkFraming;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;

/**
 * A backend response's body taken off the wire piece by piece as it arrives, framed by its length, by chunks (read
 * by the same {@link ChunkFraming} as a client's chunked request body) or by the end of the connection: the body's
 * bytes go on to an output, the framing stays behind, and it says where the body ended, so that what follows it is
 * not taken for body.
 */
final class BodyDecoder {

    private enum Framing { FIXED, UNTIL_CLOSE, CHUNKED, DONE }

    private Framing framing;
    private long left;
    private final ChunkFraming chunks;

    private BodyDecoder(Framing framing, long left, ChunkFraming chunks) {
        this.framing = framing;
        this.left = left;
        this.chunks = chunks;
    }

    /** A body of {@code length} bytes; 0 for a response that has none (HEAD, 204, 304). */
    static BodyDecoder fixed(long length) {
        return new BodyDecoder(length == 0 ? Framing.DONE : Framing.FIXED, length, null);
    }

    static BodyDecoder chunked() {
        return new BodyDecoder(Framing.CHUNKED, 0, new ChunkFraming());
    }

    static BodyDecoder untilClose() {
        return new BodyDecoder(Framing.UNTIL_CLOSE, 0, null);
    }

    /** Whether the whole body has been taken. */
    boolean done() {
        return framing == Framing.DONE;
    }

    /** Whether the end of the connection ends this body, rather than cutting it short. */
    boolean endsAtClose() {
        return framing == Framing.UNTIL_CLOSE;
    }

    /**
     * Takes {@code bytes[offset..offset+length)}, writing the body's part of them to {@code out}.
     *
     * @return how many bytes belonged to the body and its framing: fewer than {@code length} once it is done
     * @throws IOException when the chunk framing is malformed, or {@code out} fails
     */
    int feed(byte[] bytes, int offset, int length, OutputStream out) throws IOException {
        return switch (framing) {
            case DONE -> 0;
            case UNTIL_CLOSE -> {
                out.write(bytes, offset, length);
                yield length;
            }
            case FIXED -> {
                int n = (int) Math.min(left, length);
                out.write(bytes, offset, n);
                left -= n;
                if (left == 0) {
                    framing = Framing.DONE;
                }
                yield n;
            }
            case CHUNKED -> feedChunks(ByteBuffer.wrap(bytes, offset, length), out);
        };
    }

    private int feedChunks(ByteBuffer in, OutputStream out) throws IOException {
        int start = in.position();
        while (in.hasRemaining() && !chunks.done()) {
            chunks.read(in);
            int n = (int) Math.min(chunks.dataLeft(), in.remaining());
            if (n > 0) {
                out.write(in.array(), in.position(), n);
                in.position(in.position() + n);
                chunks.tookData(n);
            }
        }
        if (chunks.done()) {
            framing = Framing.DONE;
        }
        return in.position() - start;
    }
}
