package dev.wsproxy.tls;

import java.util.ArrayList;
import java.util.List;

/**
 * The TLS versions of an OLS {@code sslProtocol} bitmask, as JSSE protocol names, newest first. 0 (unset)
 * means TLS 1.2 and 1.3; nothing older is ever enabled unless the bitmask asks for it.
 */
public final class TlsProtocols {
    private static final String[] BY_BIT = {"SSLv3", "TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3"};
    private static final int DEFAULT_MASK = 8 | 16;

    private TlsProtocols() {
    }

    /** @return the enabled protocol names, empty when the bitmask names no version at all */
    public static List<String> of(int sslProtocol) {
        int mask = sslProtocol == 0 ? DEFAULT_MASK : sslProtocol;
        List<String> protocols = new ArrayList<>();
        for (int bit = BY_BIT.length - 1; bit >= 0; bit--) {
            if ((mask & (1 << bit)) != 0) {
                protocols.add(BY_BIT[bit]);
            }
        }
        return List.copyOf(protocols);
    }
}
