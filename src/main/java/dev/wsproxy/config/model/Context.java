package dev.wsproxy.config.model;

import dev.wsproxy.config.source.Span;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** A vhost {@code context}: static files, a redirect, or an HTTP reverse proxy. Values are the effective ones. */
public sealed interface Context {

    ContextUri uri();

    /** The context's own accessControl; empty means the vhost's applies alone. */
    Optional<AccessControl> accessControl();

    /** The context's realm, authName and required; empty when it asks for no password. */
    Optional<AuthRule> auth();

    List<HeaderOp> extraHeaders();

    Span span();

    /**
     * Static files from {@code location}. For an {@code exp:} context the location may hold {@code $0..$9}.
     * {@code indexFiles} is the effective list (server / vhost / context per {@code useServer}).
     */
    record Static(ContextUri uri, Path location, boolean allowBrowse, List<String> indexFiles, boolean autoIndex,
                  ExpiresSettings expires, Optional<AccessControl> accessControl, Optional<AuthRule> auth,
                  List<HeaderOp> extraHeaders, Span span) implements Context {
        public Static {
            indexFiles = List.copyOf(indexFiles);
            extraHeaders = List.copyOf(extraHeaders);
        }
    }

    /**
     * A redirect: 3xx with {@code Location} (the remaining URI appended, query kept) or a 4xx returned directly.
     * {@code external false} with a location starting with '/' is an internal redirect.
     */
    record Redirect(ContextUri uri, String location, int statusCode, boolean external,
                    Optional<AccessControl> accessControl, Optional<AuthRule> auth, List<HeaderOp> extraHeaders,
                    Span span) implements Context {
        public Redirect {
            extraHeaders = List.copyOf(extraHeaders);
        }
    }

    /** A reverse proxy to the {@code extprocessor} named by {@code handler}. */
    record Proxy(ContextUri uri, ExtProcessor handler, Optional<AccessControl> accessControl, Optional<AuthRule> auth,
                 List<HeaderOp> extraHeaders, Span span) implements Context {
        public Proxy {
            extraHeaders = List.copyOf(extraHeaders);
        }
    }
}
