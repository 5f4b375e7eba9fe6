package dev.wsproxy.server.compress;

import io.undertow.util.HeaderMap;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;

/** Adds {@code Accept-Encoding} to a response's {@code Vary}, unless it names it (or {@code *}) already. */
public final class VaryHeader {

    private VaryHeader() {
    }

    public static void addAcceptEncoding(HeaderMap headers) {
        HeaderValues vary = headers.get(Headers.VARY);
        if (vary != null) {
            for (String value : vary) {
                for (String name : value.split(",")) {
                    String trimmed = name.trim();
                    if (trimmed.equals("*") || trimmed.equalsIgnoreCase(Headers.ACCEPT_ENCODING_STRING)) {
                        return;
                    }
                }
            }
        }
        headers.add(Headers.VARY, Headers.ACCEPT_ENCODING_STRING);
    }
}
