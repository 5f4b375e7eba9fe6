package dev.wsproxy.server;

import dev.wsproxy.config.model.RunAs;
import dev.wsproxy.os.Accounts;
import dev.wsproxy.os.Privileges;
import dev.wsproxy.os.UserAccount;
import dev.wsproxy.server.log.ErrorLog;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The change to the config's {@code user} and {@code group} of a server started as root, made as OLS makes it: once
 * the listeners are bound and the logs open, before the first request. The log files go to that user first, so that
 * it can keep writing them. A server that cannot make the change refuses to serve as root.
 */
public final class PrivilegeDrop implements BeforeServing {

    private static final String REFUSED = "refusing to serve as root: ";

    private final RunAs runAs;

    public PrivilegeDrop(RunAs runAs) {
        this.runAs = runAs;
    }

    @Override
    public void run(ErrorLog errorLog, List<Path> logFiles) throws StartupException {
        if (!Privileges.isRoot()) {
            runAs.user().ifPresent(user -> errorLog.notice("not started as root, so `user " + user.name()
                    + "` and `group` are not applied: wsproxy runs as the user that started it"));
            return;
        }
        if (runAs.user().isEmpty()) {
            errorLog.log(ErrorLog.Level.WARN, "running as root: the config sets no `user`, which OLS requires;"
                    + " add `user nobody` and `group nogroup` (or an account of your own) to the server config");
            return;
        }
        String userName = runAs.user().get().name();
        UserAccount user = Accounts.user(userName).orElseThrow(() -> new StartupException(REFUSED + "user `"
                + userName + "` does not exist on this system"));
        int gid = user.primaryGid();
        if (runAs.group().isPresent()) {
            String groupName = runAs.group().get().name();
            gid = Accounts.groupId(groupName).orElseThrow(() -> new StartupException(REFUSED + "group `"
                    + groupName + "` does not exist on this system"));
        }
        List<Path> code = lazilyReadCode();
        boolean keptBind;
        try {
            for (Path file : logFiles) {
                Privileges.chown(file, user, gid);
            }
            keptBind = Privileges.becomeUser(user, gid);
            requireReadable(code, user.name());
        } catch (IOException e) {
            throw new StartupException(REFUSED + e.getMessage(), e);
        } catch (LinkageError e) {
            // a class of wsproxy's that the new user could not read, met before requireReadable looked
            throw unreadableCode(user.name(), "a class (" + e.getMessage() + ")");
        }
        errorLog.notice("running as user " + user.name() + " (uid " + user.uid() + "), group id " + gid
                + (keptBind ? ", keeping CAP_NET_BIND_SERVICE for the listeners a reload adds"
                : "; a reload cannot bind ports below 1024 (root had no CAP_NET_BIND_SERVICE to keep)"));
    }

    /**
     * The class path entries the JVM reads classes from as it first needs them, long after start-up: a user that
     * cannot read them would leave requests hanging. {@code java -jar} (what {@code bin/wsproxy} runs) opened its
     * one jar before the change and keeps it open, so it is left out.
     */
    private static List<Path> lazilyReadCode() {
        List<Path> entries = Arrays.stream(System.getProperty("java.class.path", "").split(File.pathSeparator))
                .filter(entry -> !entry.isEmpty()).map(Path::of).toList();
        return entries.size() == 1 && Files.isRegularFile(entries.get(0)) ? List.of() : entries;
    }

    /** Stops the server, before it accepts a connection, when the new user cannot read wsproxy's own code. */
    private static void requireReadable(List<Path> code, String userName) throws StartupException {
        for (Path entry : code) {
            if (!Files.isReadable(entry)) {
                throw unreadableCode(userName, entry.toString());
            }
        }
    }

    private static StartupException unreadableCode(String userName, String what) {
        return new StartupException("cannot serve as user `" + userName + "`: it cannot read wsproxy's code at "
                + what + "; install wsproxy where that user can read it, or run it with java -jar");
    }
}
