package dev.wsproxy.server.tls;

import io.netty.handler.ssl.OpenSsl;
import java.util.Locale;
import java.util.Optional;

/**
 * The TLS implementation secure listeners use: BoringSSL, through netty-tcnative, where its native library loads,
 * else the JDK's JSSE. {@code -Dwsproxy.tls=jsse} chooses JSSE on purpose.
 */
public enum TlsLibrary {
    BORINGSSL("BoringSSL"),
    JSSE("the JDK's JSSE");

    /** The system property that chooses JSSE ({@code jsse}); any other value, or none, means BoringSSL when it loads. */
    public static final String PROPERTY = "wsproxy.tls";

    private final String shown;

    TlsLibrary(String shown) {
        this.shown = shown;
    }

    /** BoringSSL unless {@link #PROPERTY} asks for JSSE or BoringSSL cannot load here. */
    public static TlsLibrary chosen() {
        return askedForJsse() || !OpenSsl.isAvailable() ? JSSE : BORINGSSL;
    }

    /** Why this process runs on JSSE although nobody asked for it: BoringSSL's load failure; empty otherwise. */
    public static Optional<String> fallbackReason() {
        if (askedForJsse() || OpenSsl.isAvailable()) {
            return Optional.empty();
        }
        Throwable cause = OpenSsl.unavailabilityCause();
        return Optional.of(cause == null ? "its native library did not load" : String.valueOf(cause.getMessage()));
    }

    private static boolean askedForJsse() {
        return System.getProperty(PROPERTY, "").toLowerCase(Locale.ROOT).equals("jsse");
    }

    @Override
    public String toString() {
        return shown;
    }
}
