package dev.wsproxy.os;

import com.sun.jna.LastErrorException;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The process's user: whether it is root, and the one-way change to another user and group. glibc applies
 * {@code setgid}, {@code setgroups} and {@code setuid} to every thread of the process, which a JVM needs.
 */
public final class Privileges {

    private static final int PR_SET_KEEPCAPS = 8;
    private static final int CAPABILITY_VERSION_3 = 0x20080522;
    private static final int CAP_NET_BIND_SERVICE = 10;

    private Privileges() {
    }

    public static boolean isRoot() {
        return Libc.C.geteuid() == 0;
    }

    /** Makes {@code user}:{@code gid} own {@code file}, so that it stays writable after the change. */
    public static void chown(Path file, UserAccount user, int gid) throws IOException {
        try {
            Libc.C.chown(file.toString(), user.uid(), gid);
        } catch (LastErrorException e) {
            throw new IOException("cannot chown " + file + " to " + user.name() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Becomes {@code user} with group {@code gid} for good, as OLS does: {@code setgid}, {@code initgroups} (the
     * user's own supplementary groups, with its primary group, replace root's), {@code setuid}; then checks that
     * the kernel agrees for every thread and that root cannot be taken back. The calling thread alone keeps one
     * capability, {@code CAP_NET_BIND_SERVICE}, so that a reload it runs can still bind a port below 1024
     * (capabilities belong to each thread; the others lose all of theirs).
     *
     * @return whether the calling thread kept {@code CAP_NET_BIND_SERVICE}: not when root had not got it to keep
     * @throws IOException naming the call that failed; the process may then be partly changed and must not serve
     */
    public static boolean becomeUser(UserAccount user, int gid) throws IOException {
        try {
            Libc.C.setgid(gid);
            Libc.C.initgroups(user.name(), user.primaryGid());
            Libc.C.prctl(PR_SET_KEEPCAPS, 1, 0, 0, 0);
            Libc.C.setuid(user.uid());
            Libc.C.prctl(PR_SET_KEEPCAPS, 0, 0, 0, 0);
        } catch (LastErrorException e) {
            throw new IOException("changing to user " + user.name() + " failed: " + e.getMessage(), e);
        }
        boolean keptBind = keepOnlyBindCapability();
        for (ProcessIds thread : ProcessIds.ofEveryThread("self")) {
            if (!thread.allUids(user.uid()) || !thread.allGids(gid)) {
                throw new IOException("changed to user " + user.name() + ", but the kernel reports a thread with "
                        + thread);
            }
        }
        try {
            Libc.C.setuid(0);
        } catch (LastErrorException expected) {
            return keptBind;
        }
        throw new IOException("root could be taken back after changing to user " + user.name());
    }

    private static boolean keepOnlyBindCapability() {
        int bind = 1 << CAP_NET_BIND_SERVICE;
        try {
            Libc.C.capset(new int[] {CAPABILITY_VERSION_3, 0}, new int[] {bind, bind, 0, 0, 0, 0});
            return true;
        } catch (LastErrorException e) {
            return false;
        }
    }
}
