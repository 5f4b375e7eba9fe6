package dev.wsproxy.server.exchange;

import io.undertow.util.AttachmentKey;

/** The attachment that carries the request's path from the request guard to the steps after it. */
public final class RequestPath {

    /** The decoded, cleaned request path every step after the request guard routes on. */
    public static final AttachmentKey<String> CLEAN = AttachmentKey.create(String.class);

    private RequestPath() {
    }
}
