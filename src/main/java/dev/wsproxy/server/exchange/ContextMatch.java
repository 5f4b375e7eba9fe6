package dev.wsproxy.server.exchange;

import dev.wsproxy.config.model.Context;
import io.undertow.util.AttachmentKey;
import java.util.List;

/**
 * The context a request path selected, the part of the path after the context URI ({@code remainder},
 * empty or starting with '/' for a plain URI) and, for an {@code exp:} context, the regex groups $0..$n.
 */
public record ContextMatch(Context context, String remainder, List<String> groups) {

    /** The match of the current request, attached once its context is chosen. */
    public static final AttachmentKey<ContextMatch> KEY = AttachmentKey.create(ContextMatch.class);

    public ContextMatch {
        groups = List.copyOf(groups);
    }
}
