package dev.wsproxy.server.proxy;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * One socket of a tunnel as a {@link Direction} sees it: bytes in and out, the end of output, and whether it may
 * have bytes to read and room to write. A direction clears {@link #readable} when a read finds nothing and
 * {@link #writable} when the socket leaves bytes unsent; the engine that watches the socket (a {@link TunnelLoop}
 * or XNIO) sets them again, and runs the direction, when an event says so. The other methods tell that engine what
 * the direction waits for; an edge-triggered engine, which reports every change anyway, ignores most of them.
 */
abstract class Endpoint {

    boolean readable = true;
    boolean writable = true;
    /**
     * Whether a read that did not fill the buffer has emptied the socket for now, which saves the read that would
     * only say so. Not when the peer's end of input came with the data.
     */
    boolean shortReadEmpties = true;
    /** The direction that reads this socket. */
    Direction reader;
    /** The direction that writes it. */
    Direction writer;

    /** @param reader the direction that reads this socket; {@code writer}, the one that writes it */
    final void connect(Direction reader, Direction writer) {
        this.reader = reader;
        this.writer = writer;
    }

    /** @return bytes read, 0 when none are there now, -1 at end of input */
    abstract int read(ByteBuffer buffer) throws IOException;

    /** Writes what the socket takes now. */
    abstract void write(ByteBuffer buffer) throws IOException;

    /** Sends what a layer above the socket (TLS) still holds; true once nothing is left. */
    abstract boolean flush() throws IOException;

    /** Ends this socket's output (half-close): the peer reads end of input after what was written. */
    abstract void shutdownOutput() throws IOException;

    /** The reader found nothing more to read: run it when bytes arrive. */
    abstract void awaitReadable();

    /** The reader stopped with bytes maybe left, to give other connections a turn: run it again soon. */
    abstract void readAgainSoon();

    /** The reader holds bytes its sink would not take, or met the end of input: read no more until told. */
    abstract void pauseReads();

    /** The writer holds bytes this socket would not take: run it when there is room. */
    abstract void awaitWritable();

    /** The writer has sent everything it held. */
    abstract void writesDone();
}
