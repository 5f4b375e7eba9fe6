package dev.wsproxy.config.rewrite;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * How a rule's {@code B} flags write back-references, as OLS's {@code escape_uri} does: letters, digits, {@code _}
 * and the {@code BNE=} characters stay; a blank becomes {@code +} ({@code %20} with {@code BNP}); the rest is
 * {@code %XX}, or with {@code BCTLS} only control characters are.
 *
 * @param on           any of {@code B}, {@code BNP}, {@code BCTLS}, {@code BNE=} was written
 * @param noPlus       {@code BNP} ({@code backrefnoplus})
 * @param controlsOnly {@code BCTLS}
 * @param keep         the {@code BNE=} characters (OLS keeps at most 7)
 */
public record BackrefEscaping(boolean on, boolean noPlus, boolean controlsOnly, String keep) {

    public static final BackrefEscaping NONE = new BackrefEscaping(false, false, false, "");

    private static final String HEX = "0123456789ABCDEF";

    BackrefEscaping withNoPlus() {
        return new BackrefEscaping(true, true, controlsOnly, keep);
    }

    BackrefEscaping withControlsOnly() {
        return new BackrefEscaping(true, noPlus, true, keep);
    }

    BackrefEscaping keeping(String chars) {
        return new BackrefEscaping(true, noPlus, controlsOnly, chars.length() > 7 ? chars.substring(0, 7) : chars);
    }

    BackrefEscaping enabled() {
        return new BackrefEscaping(true, noPlus, controlsOnly, keep);
    }

    /** {@code value} as the flags write it; unchanged without a {@code B} flag. */
    public String apply(String value) {
        if (!on) {
            return value;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || c == '_' || keep.indexOf(c) >= 0)) {
                out.write(c);
            } else if (c == ' ' && !noPlus) {
                out.write('+');
            } else if (!controlsOnly || c < 0x20 || c == 0x7f) {
                out.write('%');
                out.write(HEX.charAt(c >> 4));
                out.write(HEX.charAt(c & 0xf));
            } else {
                out.write(c); // BCTLS keeps it as it is, a byte of UTF-8 included
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
