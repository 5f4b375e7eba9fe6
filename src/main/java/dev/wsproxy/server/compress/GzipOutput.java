package dev.wsproxy.server.compress;

import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.GZIPOutputStream;

/** A gzip stream at a chosen deflate level (OLS's levels 1-9), the JDK's {@link java.util.zip.Deflater} underneath. */
public final class GzipOutput extends GZIPOutputStream {

    private final boolean flushEachWrite;

    /**
     * Gzips into {@code out} at {@code level}; with {@code flushEachWrite} every write leaves the stream as a
     * sync-flushed block, so that what a backend streams reaches the client without waiting for more.
     */
    public GzipOutput(OutputStream out, int level, boolean flushEachWrite) throws IOException {
        super(out, 8192, flushEachWrite);
        def.setLevel(level);
        this.flushEachWrite = flushEachWrite;
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
        super.write(bytes, offset, length);
        if (flushEachWrite) {
            flush();
        }
    }
}
