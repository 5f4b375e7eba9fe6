package dev.wsproxy.server.files;

import dev.wsproxy.config.model.SymlinkPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Applies a vhost's symlink policy to the part of a file path below its context location (OLS
 * {@code checkSymLink}): NEVER refuses any link, IF_OWNER_MATCHES refuses a link whose owner differs from
 * its target's, and {@code restrained} refuses a path through a link whose target lies outside both the vhost
 * root and the context location. A location outside the vhost root is served: restrained is about links.
 */
final class SymlinkGuard {

    private final SymlinkPolicy policy;
    private final Path vhRoot;

    SymlinkGuard(SymlinkPolicy policy, Path vhRoot) {
        this.policy = policy;
        this.vhRoot = realOrSelf(vhRoot);
    }

    /** Why {@code file} below {@code base} must not be served, or empty; a missing file is left to the caller's 404. */
    Optional<String> refusal(Path base, Path file) throws IOException {
        if (policy.follow() == SymlinkPolicy.Follow.ALWAYS && !policy.restrained()) {
            return Optional.empty();
        }
        boolean throughLink = false;
        Path current = base;
        for (Path name : base.relativize(file)) {
            current = current.resolve(name);
            if (Files.isSymbolicLink(current)) {
                throughLink = true;
                Optional<String> refused = linkRefusal(current);
                if (refused.isPresent()) {
                    return refused;
                }
            }
        }
        if (!throughLink || !policy.restrained() || !Files.exists(file)) {
            return Optional.empty();
        }
        Path target = file.toRealPath();
        if (target.startsWith(vhRoot) || target.startsWith(realOrSelf(base))) {
            return Optional.empty();
        }
        return Optional.of("restrained 1: " + file + " leads through a symbolic link to " + target
                + ", outside the vhost root " + vhRoot + " and the context location " + base);
    }

    private Optional<String> linkRefusal(Path link) throws IOException {
        switch (policy.follow()) {
            case NEVER:
                return Optional.of("allowSymbolLink 0: " + link + " is a symbolic link");
            case IF_OWNER_MATCHES:
                boolean sameOwner = !Files.exists(link)
                        || Files.getOwner(link, LinkOption.NOFOLLOW_LINKS).equals(Files.getOwner(link));
                return sameOwner ? Optional.empty()
                        : Optional.of("allowSymbolLink 2: the symbolic link " + link + " and its target have different owners");
            default:
                return Optional.empty();
        }
    }

    private static Path realOrSelf(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path;
        }
    }
}
