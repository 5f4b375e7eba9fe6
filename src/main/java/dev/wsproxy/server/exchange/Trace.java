package dev.wsproxy.server.exchange;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The decisions the pipeline took for one request, step by step, and the {@link Outcome} it would answer with.
 * Only {@code wsproxy explain} attaches one, to an exchange without a connection: its steps record what they
 * decide, and the handlers that would do I/O (send a file, connect a backend, end the exchange) record their
 * outcome instead. A served request has none; {@link #of} then gives a trace that records nothing.
 * One request's trace is used by one thread at a time.
 */
public final class Trace {

    /** One decision: the step that took it and what it decided, in words. */
    public record Decision(Step step, String text) {
    }

    private static final AttachmentKey<Trace> KEY = AttachmentKey.create(Trace.class);
    private static final Trace OFF = new Trace(false);

    private final boolean explaining;
    private final List<Decision> decisions = new ArrayList<>();
    private String vhost;
    private String match;
    private String reason;
    private Outcome outcome;

    private Trace(boolean explaining) {
        this.explaining = explaining;
    }

    /** Marks the exchange as explained and gives it an empty trace. */
    public static Trace attachTo(HttpServerExchange exchange) {
        Trace trace = new Trace(true);
        exchange.putAttachment(KEY, trace);
        return trace;
    }

    /** The exchange's trace, or one that records nothing when the exchange is served. */
    public static Trace of(HttpServerExchange exchange) {
        Trace trace = exchange.getAttachment(KEY);
        return trace == null ? OFF : trace;
    }

    /** Whether the request is explained: handlers then record their {@link Outcome} instead of doing I/O. */
    public boolean explaining() {
        return explaining;
    }

    /** Records a decision of {@code step}, such as a rewrite step's {@code rule 2 fired, URL now /b}. */
    public void note(Step step, String decision) {
        if (explaining) {
            decisions.add(new Decision(step, decision));
        }
    }

    /** Records {@code decision + detail}; the text is built only when the request is explained. */
    public void note(Step step, String decision, Object detail) {
        if (explaining) {
            decisions.add(new Decision(step, decision + detail));
        }
    }

    /** The vhost the Host map chose. */
    public void vhost(String name) {
        if (explaining) {
            vhost = name;
        }
    }

    /** The context or websocket URI that matched, as written in the config; a websocket route replaces a context. */
    public void match(String uri) {
        if (explaining) {
            match = uri;
        }
    }

    /** Why the request is refused, as the error log says it. */
    public void reason(String why) {
        if (explaining) {
            reason = why;
        }
    }

    /** The answer; the first one recorded stands, since nothing runs after an answer. */
    public void finish(Outcome answer) {
        if (explaining && outcome == null) {
            outcome = answer;
        }
    }

    public List<Decision> decisions() {
        return List.copyOf(decisions);
    }

    public Optional<String> vhost() {
        return Optional.ofNullable(vhost);
    }

    public Optional<String> match() {
        return Optional.ofNullable(match);
    }

    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }

    public Optional<Outcome> outcome() {
        return Optional.ofNullable(outcome);
    }
}
