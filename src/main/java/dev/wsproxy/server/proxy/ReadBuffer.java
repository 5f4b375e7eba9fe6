package dev.wsproxy.server.proxy;

import java.nio.ByteBuffer;

/**
 * The direct buffer every XNIO-driven tunnel direction of one I/O thread reads into. They run one at a time and
 * leave nothing in it between events, so one buffer per thread serves them all, and a message costs no buffer
 * allocation from the pool.
 */
final class ReadBuffer {

    private static final ThreadLocal<ByteBuffer> OF_THREAD = new ThreadLocal<>();

    private ReadBuffer() {
    }

    /** This thread's buffer of {@code capacity} bytes, made on first use. */
    static ByteBuffer ofThisThread(int capacity) {
        ByteBuffer buffer = OF_THREAD.get();
        if (buffer == null || buffer.capacity() != capacity) {
            buffer = ByteBuffer.allocateDirect(capacity);
            OF_THREAD.set(buffer);
        }
        return buffer;
    }
}
