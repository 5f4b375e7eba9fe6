package dev.wsproxy.config.lint;

import dev.wsproxy.config.bind.ConfigFile;
import dev.wsproxy.config.diag.Diagnostics;
import dev.wsproxy.config.lint.check.BlockShapeCheck;
import dev.wsproxy.config.lint.check.DuplicateDirectiveCheck;
import dev.wsproxy.config.lint.check.GluedPlaceholderCheck;
import dev.wsproxy.config.lint.check.ListenerPortSharingCheck;
import dev.wsproxy.config.lint.check.ListenerWithoutMapCheck;
import dev.wsproxy.config.lint.check.MapDomainCheck;
import dev.wsproxy.config.lint.check.NotAllowedHereCheck;
import dev.wsproxy.config.lint.check.PhpIniOverrideCheck;
import dev.wsproxy.config.lint.check.PlaceholderCheck;
import dev.wsproxy.config.lint.check.PlainTextPasswordCheck;
import dev.wsproxy.config.lint.check.ProxyWithoutWebSocketCheck;
import dev.wsproxy.config.lint.check.RealmUpgradeCheck;
import dev.wsproxy.config.lint.check.RegexInPlainUriCheck;
import dev.wsproxy.config.lint.check.RewriteRuleCheck;
import dev.wsproxy.config.lint.check.RewriteTextCheck;
import dev.wsproxy.config.lint.check.RunAsAccountCheck;
import dev.wsproxy.config.lint.check.ScriptHandlerCheck;
import dev.wsproxy.config.lint.check.SecureListenerCheck;
import dev.wsproxy.config.lint.check.UdsTripleSlashCheck;
import dev.wsproxy.config.lint.check.UnknownDirectiveCheck;
import dev.wsproxy.config.lint.check.UnknownVariableCheck;
import dev.wsproxy.config.lint.check.UnsupportedDirectiveCheck;
import dev.wsproxy.config.lint.check.UpgradeAccessControlCheck;
import dev.wsproxy.config.lint.check.UriCheck;
import dev.wsproxy.config.lint.check.ValueCheck;
import dev.wsproxy.config.lint.check.WebSocketCompatibilityCheck;
import dev.wsproxy.config.lint.check.WsproxyExtensionCheck;
import dev.wsproxy.config.lint.tls.TlsChecks;
import dev.wsproxy.config.model.ServerConfig;
import dev.wsproxy.config.schema.DirectiveSupport;
import dev.wsproxy.config.schema.DirectiveTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Runs every lint check over the files that were read and the model that was bound. */
public final class Linter {
    private final ScopeWalker walker;
    private final List<ModelCheck> modelChecks;

    /** A linter that does not read the files a config names (a lone vhost file, or {@code --no-fs}). */
    public Linter(DirectiveTable table) {
        this(table, false);
    }

    /** @param readFiles also run the checks that read certificate and key files and this system's accounts */
    public Linter(DirectiveTable table, boolean readFiles) {
        this.walker = new ScopeWalker(table, List.of(new UnknownDirectiveCheck(table), new NotAllowedHereCheck(table),
                new ValueCheck(table), new BlockShapeCheck(), new DuplicateDirectiveCheck(table), new UriCheck(),
                new PlaceholderCheck(), new WsproxyExtensionCheck(), new WebSocketCompatibilityCheck(),
                new RewriteTextCheck(), new ProxyWithoutWebSocketCheck(), new UpgradeAccessControlCheck(),
                new UdsTripleSlashCheck(), new PhpIniOverrideCheck(), new UnknownVariableCheck(), new MapDomainCheck(),
                new GluedPlaceholderCheck(), new RegexInPlainUriCheck(),
                new UnsupportedDirectiveCheck(DirectiveSupport.current())));
        List<ModelCheck> checks = new ArrayList<>(List.of(new SecureListenerCheck(), new ListenerWithoutMapCheck(),
                new ScriptHandlerCheck(), new RealmUpgradeCheck(), new ListenerPortSharingCheck(),
                new RewriteRuleCheck(readFiles)));
        if (readFiles) {
            checks.addAll(TlsChecks.all());
            checks.add(new PlainTextPasswordCheck());
            checks.add(new RunAsAccountCheck());
        }
        this.modelChecks = List.copyOf(checks);
    }

    public void lint(List<ConfigFile> files, Optional<ServerConfig> config, Diagnostics out) {
        for (ConfigFile file : files) {
            walker.walk(file, out);
        }
        config.ifPresent(c -> modelChecks.forEach(check -> check.check(c, out)));
    }
}
