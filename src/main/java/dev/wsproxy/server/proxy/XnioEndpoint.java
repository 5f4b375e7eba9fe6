package dev.wsproxy.server.proxy;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.xnio.StreamConnection;
import org.xnio.channels.StreamSinkChannel;
import org.xnio.channels.StreamSourceChannel;

/**
 * One connection of a {@link Tunnel}, driven by its XNIO I/O thread: the connection's channels, whose selector
 * reports readiness for as long as it is asked to, so reads and writes are resumed while a direction waits for them
 * and suspended otherwise. Each is switched only when that changes.
 */
final class XnioEndpoint extends Endpoint {

    private final StreamSourceChannel source;
    private final StreamSinkChannel sink;
    private boolean readsOn;
    private boolean writesOn;

    /**
     * A read that does not fill the buffer ends a burst here on TLS too: when Undertow's TLS conduit still holds
     * bytes after the read listener returns, with reads on, it runs the listener again itself, as no selector
     * event would come for them.
     */
    XnioEndpoint(StreamConnection connection) {
        this.source = connection.getSourceChannel();
        this.sink = connection.getSinkChannel();
        source.getReadSetter().set(channel -> {
            readable = true;
            reader.run();
        });
        sink.getWriteSetter().set(channel -> {
            writable = true;
            writer.run();
        });
    }

    @Override
    int read(ByteBuffer buffer) throws IOException {
        return source.read(buffer);
    }

    @Override
    void write(ByteBuffer buffer) throws IOException {
        sink.write(buffer);
    }

    @Override
    boolean flush() throws IOException {
        return sink.flush();
    }

    @Override
    void shutdownOutput() throws IOException {
        sink.shutdownWrites();
    }

    @Override
    void awaitReadable() {
        if (!readsOn) {
            readsOn = true;
            source.resumeReads();
        }
    }

    @Override
    void readAgainSoon() {
        // the selector reports the bytes left for as long as reads are on
        awaitReadable();
    }

    @Override
    void pauseReads() {
        if (readsOn) {
            readsOn = false;
            source.suspendReads();
        }
    }

    @Override
    void awaitWritable() {
        if (!writesOn) {
            writesOn = true;
            sink.resumeWrites();
        }
    }

    @Override
    void writesDone() {
        if (writesOn) {
            writesOn = false;
            sink.suspendWrites();
        }
    }
}
