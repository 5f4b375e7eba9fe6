package dev.wsproxy.server.upstream;

import io.undertow.util.StatusCodes;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.xnio.channels.StreamSinkChannel;
import org.xnio.channels.StreamSourceChannel;

/**
 * Reads and writes on the client's connection from a proxy thread that wait at most {@code connTimeout} for a
 * byte to move, so that a client that stops sending or reading costs its own connection and thread for that
 * long, never more. A wait that runs out is a {@link ClientFailure} with 408.
 */
final class BoundedWaits {

    private final long timeoutNanos;

    BoundedWaits(Duration timeout) {
        this.timeoutNanos = timeout.toNanos();
    }

    /** Bytes read into {@code buffer}, -1 at the end of the body. */
    int read(StreamSourceChannel channel, ByteBuffer buffer) throws IOException {
        long deadline = System.nanoTime() + timeoutNanos;
        while (true) {
            int read = channel.read(buffer);
            if (read != 0) {
                return read;
            }
            channel.awaitReadable(waitLeft(deadline, "sending its request body"), TimeUnit.NANOSECONDS);
        }
    }

    /** Writes all of {@code buffer}. */
    void write(StreamSinkChannel channel, ByteBuffer buffer) throws IOException {
        long deadline = System.nanoTime() + timeoutNanos;
        while (buffer.hasRemaining()) {
            if (channel.write(buffer) > 0) {
                deadline = System.nanoTime() + timeoutNanos;
            } else {
                channel.awaitWritable(waitLeft(deadline, "reading the response"), TimeUnit.NANOSECONDS);
            }
        }
    }

    private long waitLeft(long deadline, String stalled) throws ClientFailure {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new ClientFailure(StatusCodes.REQUEST_TIME_OUT, "the client stopped " + stalled + " for "
                    + TimeUnit.NANOSECONDS.toSeconds(timeoutNanos) + "s (connTimeout)");
        }
        return left;
    }
}
