package dev.wsproxy.server.routing;

import java.io.IOException;

/** A chunked request body that breaks {@link ChunkFraming}; the message names the rule, never the client's bytes. */
final class MalformedChunk extends IOException {

    MalformedChunk(String why) {
        super(why);
    }
}
