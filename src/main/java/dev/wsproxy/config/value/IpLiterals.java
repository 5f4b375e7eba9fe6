package dev.wsproxy.config.value;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/** Recognises IP address literals without ever touching DNS. */
public final class IpLiterals {
    private static final Pattern V4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern V6_CHARS = Pattern.compile("[0-9A-Fa-f:.%a-zA-Z0-9]+");

    private IpLiterals() {
    }

    /** The address when {@code text} is an IPv4 literal such as {@code 10.0.0.1}. */
    public static Optional<InetAddress> v4(String text) {
        if (!V4.matcher(text).matches()) {
            return Optional.empty();
        }
        for (String octet : text.split("\\.")) {
            if (Integer.parseInt(octet) > 255) {
                return Optional.empty();
            }
        }
        return literal(text);
    }

    /** The address when {@code text} is an IPv6 literal (no brackets) such as {@code ::1}. */
    public static Optional<InetAddress> v6(String text) {
        if (text.indexOf(':') < 0 || !V6_CHARS.matcher(text).matches()) {
            return Optional.empty();
        }
        return literal(text);
    }

    /** An IPv4 or IPv6 literal. */
    public static Optional<InetAddress> any(String text) {
        return v4(text).or(() -> v6(text));
    }

    // getByName does not resolve a string that is already a literal; callers have checked the shape.
    private static Optional<InetAddress> literal(String text) {
        try {
            return Optional.of(InetAddress.getByName(text));
        } catch (UnknownHostException notALiteral) {
            return Optional.empty();
        }
    }
}
