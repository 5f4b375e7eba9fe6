package dev.wsproxy.config.model;

import dev.wsproxy.config.source.Span;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A vhost {@code context}: static files, a redirect, an HTTP reverse proxy, or an app wsproxy does not run.
 * Values are the effective ones.
 */
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

    /**
     * A context whose requests OLS hands to an app it runs or connects to ({@code lsapi}, {@code fcgi},
     * {@code cgi}, {@code servlet}, {@code loadbalancer}, ...). wsproxy runs none of them: it answers as OLS
     * does when the app cannot be reached, and never serves the files under {@code uri}.
     */
    record App(ContextUri uri, String type, String handler, boolean allowBrowse,
               Optional<AccessControl> accessControl, Optional<AuthRule> auth, List<HeaderOp> extraHeaders,
               Span span) implements Context {
        public App {
            extraHeaders = List.copyOf(extraHeaders);
        }

        /** {@code type:handler}, or the type alone for a context without a handler (cgi). */
        public String text() {
            return handler.isEmpty() ? type : type + ":" + handler;
        }
    }
}
