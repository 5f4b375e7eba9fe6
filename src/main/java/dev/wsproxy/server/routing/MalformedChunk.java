package dev.wsproxy.server.routing;

import java.io.IOException;

/** A chunked body that breaks {@link ChunkFraming}; the message names the rule, never the peer's bytes. */
public final class MalformedChunk extends IOException {

    MalformedChunk(String why) {
        super(why);
    }
}
