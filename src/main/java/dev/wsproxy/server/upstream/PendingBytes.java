package dev.wsproxy.server.upstream;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import org.xnio.channels.StreamSinkChannel;

/**
 * A response body on its way to a client connection that never blocks: what the connection takes at once goes, the
 * rest waits here until {@link #drain} sends it. The exchange that writes here reads no more from its backend while
 * anything waits, so at most about one backend read waits per slow client.
 */
final class PendingBytes extends OutputStream {

    private final StreamSinkChannel channel;
    private final Runnable progress;
    private ByteBuffer backlog = ByteBuffer.allocate(0);

    /** @param progress runs whenever the client took bytes */
    PendingBytes(StreamSinkChannel channel, Runnable progress) {
        this.channel = channel;
        this.progress = progress;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        ByteBuffer more = ByteBuffer.wrap(bytes, offset, length);
        if (!backlog.hasRemaining() && channel.write(more) > 0) {
            progress.run();
        }
        if (more.hasRemaining()) {
            ByteBuffer joined = ByteBuffer.allocate(backlog.remaining() + more.remaining());
            backlog = joined.put(backlog).put(more).flip();
        }
    }

    /** Whether bytes wait for the client. */
    boolean waiting() {
        return backlog.hasRemaining();
    }

    /** Sends what the client's connection takes now; true once nothing waits. */
    boolean drain() throws IOException {
        while (backlog.hasRemaining()) {
            if (channel.write(backlog) == 0) {
                return false;
            }
            progress.run();
        }
        return true;
    }
}
