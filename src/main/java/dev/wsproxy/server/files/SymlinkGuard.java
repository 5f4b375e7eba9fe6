package dev.wsproxy.server.files;

import dev.wsproxy.config.model.SymlinkPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Applies a vhost's symlink policy to the part of a file path below its context location (OLS
 * {@code checkSymLink}): NEVER refuses any link, IF_OWNER_MATCHES refuses a link whose owner differs from
 * its target's, and {@code restrained} refuses a file whose real path leaves the vhost root.
 */
final class SymlinkGuard {

    private final SymlinkPolicy policy;
    private final Path vhRoot;

    SymlinkGuard(SymlinkPolicy policy, Path vhRoot) {
        this.policy = policy;
        this.vhRoot = realOrSelf(vhRoot);
    }

    /** Whether {@code file} below {@code base} may be served; a missing file is left to the caller's 404. */
    boolean permits(Path base, Path file) throws IOException {
        if (policy.follow() == SymlinkPolicy.Follow.ALWAYS && !policy.restrained()) {
            return true;
        }
        Path current = base;
        for (Path name : base.relativize(file)) {
            current = current.resolve(name);
            if (Files.isSymbolicLink(current) && !linkAllowed(current)) {
                return false;
            }
        }
        return !policy.restrained() || !Files.exists(file) || file.toRealPath().startsWith(vhRoot);
    }

    private boolean linkAllowed(Path link) throws IOException {
        switch (policy.follow()) {
            case NEVER:
                return false;
            case IF_OWNER_MATCHES:
                return !Files.exists(link)
                        || Files.getOwner(link, LinkOption.NOFOLLOW_LINKS).equals(Files.getOwner(link));
            default:
                return true;
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
