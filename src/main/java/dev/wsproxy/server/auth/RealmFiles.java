package dev.wsproxy.server.auth;

import dev.wsproxy.auth.GroupFile;
import dev.wsproxy.auth.UserFile;
import dev.wsproxy.config.model.Realm;
import dev.wsproxy.server.log.ErrorLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * A realm's user and group files as last read. After the realm's recheck interval ({@code expire}) the next
 * request looks at the files' modification time, size and inode and reads them again when one changed, so an
 * edited htpasswd file takes effect without a restart. A file that cannot be read counts as empty.
 */
final class RealmFiles {

    /** The files' contents and what they looked like on disk when read. */
    record Snapshot(UserFile users, GroupFile groups, Optional<String> problem, Stamp userStamp,
                    Optional<Stamp> groupStamp, long checkedAt) {
    }

    /** What identifies one version of a file on disk; {@code null} fields for a file that could not be read. */
    record Stamp(Object modified, long size, Object inode) {
        static final Stamp UNREADABLE = new Stamp(null, -1, null);

        static Stamp of(Path file) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                return new Stamp(attributes.lastModifiedTime(), attributes.size(), attributes.fileKey());
            } catch (IOException e) {
                return UNREADABLE;
            }
        }
    }

    private final Realm realm;
    private final ErrorLog log;
    private volatile Snapshot current;

    RealmFiles(Realm realm, ErrorLog log) {
        this.realm = realm;
        this.log = log;
    }

    Snapshot current() {
        Snapshot known = current;
        if (known != null && System.nanoTime() - known.checkedAt() < realm.recheck().toNanos()) {
            return known;
        }
        synchronized (this) {
            known = current;
            long now = System.nanoTime();
            if (known != null && now - known.checkedAt() < realm.recheck().toNanos()) {
                return known;
            }
            Stamp userStamp = Stamp.of(realm.userFile());
            Optional<Stamp> groupStamp = realm.groupFile().map(Stamp::of);
            if (known != null && known.userStamp().equals(userStamp) && known.groupStamp().equals(groupStamp)) {
                current = new Snapshot(known.users(), known.groups(), known.problem(), userStamp, groupStamp, now);
            } else {
                current = read(userStamp, groupStamp, now);
            }
            return current;
        }
    }

    private Snapshot read(Stamp userStamp, Optional<Stamp> groupStamp, long now) {
        Optional<String> problem = Optional.empty();
        UserFile users = UserFile.EMPTY;
        GroupFile groups = GroupFile.EMPTY;
        try {
            users = UserFile.parse(Files.readString(realm.userFile(), StandardCharsets.UTF_8));
            if (realm.groupFile().isPresent()) {
                groups = GroupFile.parse(Files.readString(realm.groupFile().get(), StandardCharsets.UTF_8));
            }
            log.log(ErrorLog.Level.INFO, "realm `" + realm.name() + "`: read user file " + realm.userFile()
                    + realm.groupFile().map(g -> " and group file " + g).orElse(""));
        } catch (IOException e) {
            problem = Optional.of("cannot read " + e.getMessage() + " (" + e.getClass().getSimpleName() + ")");
            log.log(ErrorLog.Level.WARN, "realm `" + realm.name() + "`: " + problem.get());
        }
        return new Snapshot(users, groups, problem, userStamp, groupStamp, now);
    }
}
