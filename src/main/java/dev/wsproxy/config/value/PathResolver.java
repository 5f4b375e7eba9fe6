package dev.wsproxy.config.value;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves OLS paths: a leading {@code $VH_ROOT}, {@code $DOC_ROOT} or {@code $SERVER_ROOT}
 * picks the base; {@code $VH_NAME} and {@code $VH_DOMAIN} expand anywhere ({@code $VH_NAME_ecc} keeps
 * {@code _ecc}); any other relative path means {@code $SERVER_ROOT}.
 */
public record PathResolver(Path serverRoot, Optional<Path> vhRoot, Optional<Path> docRoot, Optional<String> vhName,
                           Optional<String> vhDomain) {

    private static final Pattern ROOT_VARIABLE = Pattern.compile("(?i)\\$(SERVER_ROOT|VH_ROOT|DOC_ROOT)");
    private static final Pattern NAME_VARIABLE = Pattern.compile("(?i)\\$(VH_NAME|VH_DOMAIN)");

    /** The resolver for server-level paths. */
    public static PathResolver server(Path serverRoot) {
        return new PathResolver(serverRoot, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public PathResolver forVhost(String name, String domain) {
        return new PathResolver(serverRoot, vhRoot, docRoot, Optional.of(name), Optional.of(domain));
    }

    public PathResolver withVhRoot(Path root) {
        return new PathResolver(serverRoot, Optional.of(root), docRoot, vhName, vhDomain);
    }

    public PathResolver withDocRoot(Path root) {
        return new PathResolver(serverRoot, vhRoot, Optional.of(root), vhName, vhDomain);
    }

    /** {@code $VH_NAME} and {@code $VH_DOMAIN} replaced, nothing else (extprocessor names, handlers). */
    public String expandNames(String text) {
        Matcher m = NAME_VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Optional<String> v = m.group(1).equalsIgnoreCase("VH_NAME") ? vhName : vhDomain;
            m.appendReplacement(out, Matcher.quoteReplacement(v.orElse(m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A path relative to {@code $SERVER_ROOT} unless absolute or variable-led. */
    public Path resolve(String raw) {
        return resolve(raw, serverRoot);
    }

    /** A context {@code location}: relative means {@code $DOC_ROOT/}. */
    public Path resolveLocation(String raw) {
        return resolve(raw, docRoot.orElse(serverRoot));
    }

    private Path resolve(String raw, Path base) {
        String text = expandRoots(expandNames(raw.trim()));
        Path p = Path.of(text);
        return (p.isAbsolute() ? p : base.resolve(p)).normalize();
    }

    private String expandRoots(String text) {
        Matcher m = ROOT_VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Optional<Path> root = switch (m.group(1).toUpperCase(Locale.ROOT)) {
                case "VH_ROOT" -> vhRoot;
                case "DOC_ROOT" -> docRoot.or(() -> vhRoot);
                default -> Optional.of(serverRoot);
            };
            m.appendReplacement(out, Matcher.quoteReplacement(root.map(r -> r + "/").orElse(m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }
}
