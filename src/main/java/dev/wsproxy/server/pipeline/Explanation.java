package dev.wsproxy.server.pipeline;

import dev.wsproxy.server.exchange.Outcome;
import dev.wsproxy.server.exchange.Trace;
import java.util.Optional;

/**
 * What the pipeline did with an explained request: the listener that took it (none when no listener is on the
 * URL's port) and its trace.
 */
public record Explanation(Optional<String> listener, Trace trace) {

    /** The outcome; a request no step answered (none should be) counts as an error without a status. */
    public Outcome outcome() {
        return trace.outcome().orElse(new Outcome(Outcome.Kind.ERROR, null, null));
    }
}
