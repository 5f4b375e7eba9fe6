package dev.wsproxy.config.value;

import dev.wsproxy.config.model.AclEntry;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an accessControl {@code allow}/{@code deny} list as OLS does: entries separated by commas, blanks
 * or newlines; {@code ALL}/{@code *}, IPv4, {@code 1.2.*}, partial {@code 192.168.128(.)}, CIDR, address/mask,
 * IPv6 with or without brackets; a trailing {@code T} marks a trusted entry.
 */
public final class AclLists {
    private static final Pattern ENTRY = Pattern.compile("[^,\\s]+");
    private static final String FIX = "Write ALL, an IP address, a network such as 10.0.0.0/8, 192.168.1.* or fd00::/8.";

    private AclLists() {
    }

    public static Parsed<List<AclEntry>> parse(String text) {
        List<AclEntry> entries = new ArrayList<>();
        Matcher m = ENTRY.matcher(text);
        while (m.find()) {
            Optional<AclEntry> entry = entry(m.group());
            if (entry.isEmpty()) {
                return Parsed.bad(Expected.ADDRESS, "`" + m.group() + "` is not an address or network", FIX, m.start());
            }
            entries.add(entry.get());
        }
        return Parsed.ok(entries);
    }

    private static Optional<AclEntry> entry(String written) {
        if (written.equalsIgnoreCase("ALL") || written.equals("*")) {
            return Optional.of(new AclEntry.Any(written));
        }
        String text = written;
        boolean trusted = text.endsWith("T") || text.endsWith("t");
        if (trusted) {
            text = text.substring(0, text.length() - 1);
        }
        int slash = text.indexOf('/');
        String addr = slash < 0 ? text : text.substring(0, slash);
        if (addr.startsWith("[") && addr.endsWith("]")) {
            addr = addr.substring(1, addr.length() - 1);
        }
        if (slash < 0 && addr.indexOf(':') < 0) {
            return partialV4(written, addr, trusted);
        }
        Optional<InetAddress> ip = IpLiterals.any(addr);
        if (ip.isEmpty()) {
            return Optional.empty();
        }
        int bits = ip.get().getAddress().length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String suffix = text.substring(slash + 1);
            Optional<Integer> len = suffix.matches("\\d{1,3}") ? Optional.of(Integer.parseInt(suffix))
                    : IpLiterals.v4(suffix).flatMap(AclLists::maskLength);
            if (len.isEmpty() || len.get() > bits) {
                return Optional.empty();
            }
            prefix = len.get();
        }
        return Optional.of(new AclEntry.Network(written, ip.get(), prefix, trusted));
    }

    /** {@code 192.168.1.5}, {@code 192.168.*}, {@code 192.168.128} and {@code 192.168.128.} */
    private static Optional<AclEntry> partialV4(String written, String addr, boolean trusted) {
        String body = addr.endsWith(".") ? addr.substring(0, addr.length() - 1) : addr;
        List<String> octets = new ArrayList<>(List.of(body.split("\\.", -1)));
        while (!octets.isEmpty() && octets.get(octets.size() - 1).equals("*")) {
            octets.remove(octets.size() - 1);
        }
        if (octets.isEmpty() || octets.size() > 4) {
            return Optional.empty();
        }
        int prefix = octets.size() * 8;
        while (octets.size() < 4) {
            octets.add("0");
        }
        return IpLiterals.v4(String.join(".", octets))
                .map(ip -> new AclEntry.Network(written, ip, prefix, trusted));
    }

    private static Optional<Integer> maskLength(InetAddress mask) {
        int bits = 0;
        boolean ended = false;
        for (byte b : mask.getAddress()) {
            for (int i = 7; i >= 0; i--) {
                boolean set = (b >> i & 1) == 1;
                if (set && ended) {
                    return Optional.empty();
                }
                if (set) {
                    bits++;
                } else {
                    ended = true;
                }
            }
        }
        return Optional.of(bits);
    }
}
