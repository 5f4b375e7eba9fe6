package dev.wsproxy.config.lint.check;

import dev.wsproxy.config.diag.Code;
import dev.wsproxy.config.diag.Diagnostics;
import dev.wsproxy.config.model.RunAs;
import dev.wsproxy.config.model.ServerConfig;
import dev.wsproxy.os.Accounts;
import java.util.Set;

/**
 * WSP350: a {@code user} or {@code group} this system does not have, with which OLS does not start and wsproxy
 * started as root refuses to serve. Reads this machine's accounts, so it runs only when lint checks the system.
 */
public final class RunAsAccountCheck implements ModelCheck {

    @Override
    public Set<Code> codes() {
        return Set.of(Code.UNKNOWN_ACCOUNT);
    }

    @Override
    public void check(ServerConfig config, Diagnostics out) {
        config.runAs().user().filter(user -> Accounts.user(user.name()).isEmpty()).ifPresent(user -> report(out, user,
                "user", "Name an existing user (OLS's sample uses nobody), or create this one."));
        config.runAs().group().filter(group -> Accounts.groupId(group.name()).isEmpty()).ifPresent(group -> report(out,
                group, "group", "Name an existing group (nogroup on Debian, nobody on Red Hat), or create this one."));
    }

    private static void report(Diagnostics out, RunAs.Named account, String kind, String fix) {
        out.add(Code.UNKNOWN_ACCOUNT, account.span(), kind + " `" + account.name() + "` does not exist on this system",
                fix);
    }
}
