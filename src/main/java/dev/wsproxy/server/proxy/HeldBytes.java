package dev.wsproxy.server.proxy;

import io.undertow.connector.ByteBufferPool;
import io.undertow.connector.PooledByteBuffer;
import java.nio.ByteBuffer;

/**
 * The bytes one direction of a tunnel read but its sink could not take yet. They are copied into a pooled buffer
 * of their own, because the buffer they were read into is shared by every tunnel of the thread.
 */
final class HeldBytes {

    private final ByteBufferPool pool;
    private ByteBuffer bytes;
    private PooledByteBuffer owner;

    HeldBytes(ByteBufferPool pool) {
        this.pool = pool;
    }

    /** Copies what {@code rest} has left. */
    void copy(ByteBuffer rest) {
        owner = pool.allocate();
        bytes = owner.getBuffer();
        bytes.clear();
        bytes.put(rest).flip();
    }

    /** Keeps {@code early} itself: bytes that came with the other side's head, in a buffer nobody else uses. */
    void keep(ByteBuffer early) {
        bytes = early;
    }

    /** What is held, or null. */
    ByteBuffer bytes() {
        return bytes;
    }

    /** Gives the pooled buffer back; called when the bytes went out, and when the tunnel ends. */
    void release() {
        bytes = null;
        if (owner != null) {
            owner.close();
            owner = null;
        }
    }
}
