package dev.wsproxy.server.rewrite;

import dev.wsproxy.config.model.AccessControl;
import dev.wsproxy.config.model.AclEntry;
import dev.wsproxy.config.value.AclLists;
import dev.wsproxy.config.value.IpLiterals;
import dev.wsproxy.config.value.Parsed;
import dev.wsproxy.server.access.ClientAccess;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The operators of a rewrite {@code expr} that test values rather than compare them, as OLS's {@code Expression}
 * has them: file tests, string tests, IP and glob matches.
 */
final class ExprTests {

    private ExprTests() {
    }

    /**
     * A one-value test: {@code -d -e -f -s} (the file exists as a directory, either, a file, a non-empty file),
     * {@code -L -h} (a symbolic link), {@code -F -U -A} (always true in OLS), {@code -n -z} (non-empty, empty),
     * {@code -T} (true unless empty, {@code 0}, {@code off}, {@code false} or {@code no}), {@code -R} (the client's
     * address is in the given network).
     */
    static boolean test(String op, String value, Function<String, String> variables) {
        return switch (op) {
            case "-d", "-e", "-f", "-s", "-L", "-h" -> file(op, value);
            case "-n" -> !value.isEmpty();
            case "-z" -> value.isEmpty();
            case "-T" -> !(value.isEmpty() || value.equals("0") || value.equalsIgnoreCase("off")
                    || value.equalsIgnoreCase("false") || value.equalsIgnoreCase("no"));
            case "-R" -> match("-ipmatch", variables.apply("REMOTE_ADDR"), value);
            default -> true; // -F, -U, -A: OLS does not run the subrequest and takes them as true
        };
    }

    /** {@code -ipmatch} (an address in a network), {@code -strmatch}, {@code -strcmatch} (no case), {@code -fnmatch}. */
    static boolean match(String op, String left, String right) {
        if (op.equals("-ipmatch")) {
            Optional<InetAddress> address = IpLiterals.any(left.strip());
            List<AclEntry> networks = AclLists.parse(right) instanceof Parsed.Ok<List<AclEntry>> ok ? ok.value()
                    : List.of();
            return address.isPresent() && !networks.isEmpty() && ClientAccess.allows(
                    new AccessControl(networks, List.of(new AclEntry.Any("ALL"))), address.get());
        }
        int flags = op.equals("-strcmatch") ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0;
        return Pattern.compile(glob(right, op.equals("-fnmatch")), flags).matcher(left).matches();
    }

    /** A shell glob as a regex: {@code *}, {@code ?} and {@code [...]}; with {@code pathname} they stop at '/'. */
    private static String glob(String glob, boolean pathname) {
        String any = pathname ? "[^/]" : ".";
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            int close = c == '[' ? glob.indexOf(']', i + 2) : -1;
            if (c == '*') {
                regex.append(any).append('*');
            } else if (c == '?') {
                regex.append(any);
            } else if (close > 0) {
                String set = glob.substring(i + 1, close);
                regex.append('[').append(set.startsWith("!") ? "^" + set.substring(1) : set).append(']');
                i = close;
            } else if (c == '\\' && i + 1 < glob.length()) {
                regex.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return regex.toString();
    }

    private static boolean file(String op, String value) {
        Path path;
        try {
            path = Path.of(value);
        } catch (InvalidPathException e) {
            return false;
        }
        if (value.isEmpty()) {
            return false;
        }
        return switch (op) {
            case "-d" -> Files.isDirectory(path);
            case "-e" -> Files.isDirectory(path) || Files.isRegularFile(path);
            case "-f" -> Files.isRegularFile(path);
            case "-s" -> Files.isRegularFile(path) && size(path) > 0;
            default -> Files.isSymbolicLink(path) && Files.exists(path, LinkOption.NOFOLLOW_LINKS);
        };
    }

    private static long size(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            return 0;
        }
    }
}
