package dev.wsproxy.os;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * Looks users and groups up in the system's account databases (through libc, so NSS sources count) the way
 * OLS reads its {@code user} and {@code group}: a name, or failing that a number.
 */
public final class Accounts {

    private Accounts() {
    }

    /** The user named {@code name}, or the one with that uid when {@code name} is a number. */
    public static Optional<UserAccount> user(String name) {
        Libc.Passwd entry = Libc.C.getpwnam(name);
        if (entry == null && isNumber(name)) {
            entry = Libc.C.getpwuid(Integer.parseInt(name));
        }
        return entry == null ? Optional.empty() : Optional.of(new UserAccount(entry.name, entry.uid, entry.gid));
    }

    /** The gid of the group named {@code name}; a number is taken as a gid even with no group entry, as in OLS. */
    public static OptionalInt groupId(String name) {
        Libc.Group entry = Libc.C.getgrnam(name);
        if (entry != null) {
            return OptionalInt.of(entry.gid);
        }
        return isNumber(name) ? OptionalInt.of(Integer.parseInt(name)) : OptionalInt.empty();
    }

    private static boolean isNumber(String text) {
        return text.matches("[0-9]{1,9}");
    }
}
