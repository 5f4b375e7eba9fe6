package dev.wsproxy.server.proxy;

import java.nio.ByteBuffer;
import java.util.concurrent.ThreadLocalRandom;

/** The close frames wsproxy sends itself, when it stops: code 1001, "going away" (RFC 6455 section 7.4.1). */
final class CloseFrames {

    private static final int CLOSE_FINAL = 0x88;
    private static final int MASKED = 0x80;
    private static final int GOING_AWAY = 1001;

    private CloseFrames() {
    }

    /** A close frame with code 1001 for the client: a server's frames are not masked. */
    static ByteBuffer goingAwayToClient() {
        return ByteBuffer.wrap(new byte[] {(byte) CLOSE_FINAL, 2, (byte) (GOING_AWAY >> 8), (byte) GOING_AWAY});
    }

    /** A close frame with code 1001 for the backend, masked as a client's frames must be, with a fresh key. */
    static ByteBuffer goingAwayToBackend() {
        byte[] key = new byte[4];
        ThreadLocalRandom.current().nextBytes(key);
        return ByteBuffer.wrap(new byte[] {(byte) CLOSE_FINAL, (byte) (MASKED | 2), key[0], key[1], key[2], key[3],
                (byte) ((GOING_AWAY >> 8) ^ key[0]), (byte) (GOING_AWAY ^ key[1])});
    }
}
