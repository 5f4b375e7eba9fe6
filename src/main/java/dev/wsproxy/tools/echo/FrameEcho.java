package dev.wsproxy.tools.echo;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.xnio.IoUtils;
import org.xnio.StreamConnection;
import org.xnio.channels.StreamSinkChannel;
import org.xnio.channels.StreamSourceChannel;

/**
 * The data phase of the echo backend, frame by frame: every client frame goes back unmasked with the same
 * opcode, flags (so fragmentation and {@code permessage-deflate}'s RSV1 survive) and payload; a ping comes back as
 * its pong, and a close frame is echoed (its status code included) before the connection ends. Frames stream
 * through fixed buffers, so a message of any size costs no more memory than a small one, and a client that does
 * not read stops being read. The buffers are direct: on the heap, 2,000 open connections' buffers were 64 MiB that
 * every young collection copied, a 150 ms pause of every connection each time (benchmark, serial collector).
 */
final class FrameEcho {

    private static final int OPCODE_CLOSE = 0x8;
    private static final int OPCODE_PING = 0x9;
    private static final int OPCODE_PONG = 0xA;
    private static final int MAX_HEADER = 14;

    private final StreamConnection connection;
    private final StreamSourceChannel source;
    private final StreamSinkChannel sink;
    private final ByteBuffer in = ByteBuffer.allocateDirect(16 * 1024);
    private final ByteBuffer out = ByteBuffer.allocateDirect(16 * 1024 + MAX_HEADER);

    private long payloadLeft;
    private boolean inPayload;
    private final byte[] mask = new byte[4];
    private int maskIndex;
    private boolean closing;
    private boolean closeEchoed;

    FrameEcho(StreamConnection connection) {
        this.connection = connection;
        this.source = connection.getSourceChannel();
        this.sink = connection.getSinkChannel();
    }

    void start() {
        source.getReadSetter().set(channel -> onReadable());
        sink.getWriteSetter().set(channel -> onWritable());
        source.resumeReads();
    }

    private void onReadable() {
        try {
            while (true) {
                if (!drain()) {
                    source.suspendReads();
                    sink.resumeWrites();
                    return;
                }
                if (closeEchoed) {
                    IoUtils.safeClose(connection);
                    return;
                }
                int n = source.read(in);
                if (n < 0) {
                    IoUtils.safeClose(connection);
                    return;
                }
                in.flip();
                echoFrames();
                in.compact();
                if (n == 0 && out.position() == 0) {
                    return;
                }
            }
        } catch (IOException e) {
            IoUtils.safeClose(connection);
        }
    }

    private void onWritable() {
        try {
            if (drain()) {
                sink.suspendWrites();
                if (closeEchoed) {
                    IoUtils.safeClose(connection);
                } else {
                    source.resumeReads();
                }
            }
        } catch (IOException e) {
            IoUtils.safeClose(connection);
        }
    }

    /** Writes what is waiting in {@code out}; true when all of it went. */
    private boolean drain() throws IOException {
        out.flip();
        while (out.hasRemaining() && sink.write(out) > 0) {
            // keep writing while the socket takes it
        }
        boolean done = !out.hasRemaining() && sink.flush();
        out.compact();
        return done;
    }

    /** Moves as much of {@code in} to {@code out} as both allow, unmasking payloads on the way. */
    private void echoFrames() {
        while (!closeEchoed && out.remaining() >= MAX_HEADER) {
            if (!inPayload) {
                if (!copyHeader()) {
                    return;
                }
            } else {
                int chunk = (int) Math.min(payloadLeft, Math.min(in.remaining(), out.remaining()));
                if (chunk == 0 && payloadLeft > 0) {
                    return;
                }
                for (int i = 0; i < chunk; i++) {
                    out.put((byte) (in.get() ^ mask[maskIndex++ & 3]));
                }
                payloadLeft -= chunk;
                inPayload = payloadLeft > 0;
                closeEchoed = closing && !inPayload;
            }
        }
    }

    private boolean copyHeader() {
        if (in.remaining() < 2) {
            return false;
        }
        int first = in.get(in.position()) & 0xFF;
        int second = in.get(in.position() + 1) & 0xFF;
        int shortLength = second & 0x7F;
        int extended = shortLength == 126 ? 2 : shortLength == 127 ? 8 : 0;
        int maskBytes = (second & 0x80) != 0 ? 4 : 0;
        if (in.remaining() < 2 + extended + maskBytes) {
            return false;
        }
        in.position(in.position() + 2);
        long length = extended == 0 ? shortLength : extended == 2 ? in.getShort() & 0xFFFF : in.getLong();
        if (maskBytes == 4) {
            in.get(mask);
        } else {
            Arrays.fill(mask, (byte) 0);
        }
        int opcode = first & 0x0F;
        out.put((byte) (opcode == OPCODE_PING ? (first & 0xF0) | OPCODE_PONG : first));
        if (extended == 0) {
            out.put((byte) shortLength);
        } else if (extended == 2) {
            out.put((byte) 126).putShort((short) length);
        } else {
            out.put((byte) 127).putLong(length);
        }
        payloadLeft = length;
        maskIndex = 0;
        inPayload = length > 0;
        closing = opcode == OPCODE_CLOSE;
        closeEchoed = closing && !inPayload;
        return true;
    }
}
