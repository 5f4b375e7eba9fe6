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
        try {
            for (Path file : logFiles) {
                Privileges.chown(file, user, gid);
            }
            Privileges.becomeUser(user, gid);
        } catch (IOException e) {
            throw new StartupException(REFUSED + e.getMessage(), e);
        }
        requireReadableCode(user.name());
        errorLog.notice("running as user " + user.name() + " (uid " + user.uid() + "), group id " + gid);
    }

    /**
     * The JVM reads classes from its class path as it first needs them, long after start-up: a user that cannot
     * read them would leave requests hanging, so the server stops before it accepts one. {@code java -jar} (what
     * {@code bin/wsproxy} runs) opened its one jar before the change and keeps it open, so only longer class
     * paths are checked.
     */
    private static void requireReadableCode(String userName) throws StartupException {
        List<String> entries = Arrays.stream(System.getProperty("java.class.path", "").split(File.pathSeparator))
                .filter(entry -> !entry.isEmpty()).toList();
        if (entries.size() == 1 && Files.isRegularFile(Path.of(entries.get(0)))) {
            return;
        }
        for (String entry : entries) {
            if (!Files.isReadable(Path.of(entry))) {
                throw new StartupException("cannot serve as user `" + userName + "`: it cannot read wsproxy's code at "
                        + entry + "; install wsproxy where that user can read it, or run it with java -jar");
            }
        }
    }
}
