package dev.wsproxy.server.proxy;

import java.nio.ByteBuffer;

/**
 * The direct buffer every tunnel pump of one I/O thread reads into. Pumps run one at a time on their thread and
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
