package dev.wsproxy.config.lint;

import dev.wsproxy.config.diag.Diagnostics;
import dev.wsproxy.config.lint.check.BlockShapeCheck;
import dev.wsproxy.config.lint.check.Check;
import dev.wsproxy.config.lint.check.ConfigFilesCheck;
import dev.wsproxy.config.lint.check.ContextTypeCheck;
import dev.wsproxy.config.lint.check.DirectiveCheck;
import dev.wsproxy.config.lint.check.DuplicateDirectiveCheck;
import dev.wsproxy.config.lint.check.GluedPlaceholderCheck;
import dev.wsproxy.config.lint.check.ListenerPortSharingCheck;
import dev.wsproxy.config.lint.check.ListenerWithoutMapCheck;
import dev.wsproxy.config.lint.check.MapDomainCheck;
import dev.wsproxy.config.lint.check.MissingPathCheck;
import dev.wsproxy.config.lint.check.ModelCheck;
import dev.wsproxy.config.lint.check.NotAllowedHereCheck;
import dev.wsproxy.config.lint.check.OlsDifferenceCheck;
import dev.wsproxy.config.lint.check.PhpIniOverrideCheck;
import dev.wsproxy.config.lint.check.PlaceholderCheck;
import dev.wsproxy.config.lint.check.PlainTextPasswordCheck;
import dev.wsproxy.config.lint.check.ProxyWithoutWebSocketCheck;
import dev.wsproxy.config.lint.check.RegexInPlainUriCheck;
import dev.wsproxy.config.lint.check.RequiredKeyCheck;
import dev.wsproxy.config.lint.check.RewriteRuleCheck;
import dev.wsproxy.config.lint.check.RouteClashCheck;
import dev.wsproxy.config.lint.check.RunAsAccountCheck;
import dev.wsproxy.config.lint.check.ScriptHandlerCheck;
import dev.wsproxy.config.lint.check.SecureListenerCheck;
import dev.wsproxy.config.lint.check.ServerWiringCheck;
import dev.wsproxy.config.lint.check.TreeCheck;
import dev.wsproxy.config.lint.check.UdsTripleSlashCheck;
import dev.wsproxy.config.lint.check.UnknownDirectiveCheck;
import dev.wsproxy.config.lint.check.UnknownHandlerCheck;
import dev.wsproxy.config.lint.check.UnknownRealmCheck;
import dev.wsproxy.config.lint.check.UnknownVariableCheck;
import dev.wsproxy.config.lint.check.UnsupportedDirectiveCheck;
import dev.wsproxy.config.lint.check.ValueCheck;
import dev.wsproxy.config.lint.check.WsproxyExtensionCheck;
import dev.wsproxy.config.lint.tls.TlsChecks;
import dev.wsproxy.config.load.ConfigFile;
import dev.wsproxy.config.load.ConfigTree;
import dev.wsproxy.config.model.ServerConfig;
import dev.wsproxy.config.schema.DirectiveSupport;
import dev.wsproxy.config.schema.DirectiveTable;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs every lint check over the files that were read and the model that was bound. Each check reports
 * through a sink that takes only the codes it declares.
 */
public final class Linter {
    private final List<TreeCheck> treeChecks;
    private final List<DirectiveCheck> directiveChecks;
    private final List<ModelCheck> modelChecks;
    private final ScopeWalker walker;

    /** A linter that does not read the files a config names (a lone vhost file, or {@code --no-fs}). */
    public Linter(DirectiveTable table) {
        this(table, false);
    }

    /** @param readFiles also run the checks that read certificate and key files and this system's accounts */
    public Linter(DirectiveTable table, boolean readFiles) {
        OlsDifferenceCheck olsDifferences = new OlsDifferenceCheck();
        ValueCheck values = new ValueCheck(table);
        this.treeChecks = List.of(new ConfigFilesCheck(), new MissingPathCheck(), values, new UnknownHandlerCheck(),
                new RouteClashCheck(), new ContextTypeCheck(), new UnknownRealmCheck(), new RequiredKeyCheck(),
                new ServerWiringCheck());
        this.directiveChecks = List.of(new UnknownDirectiveCheck(table), new NotAllowedHereCheck(table),
                values, new BlockShapeCheck(), new DuplicateDirectiveCheck(table),
                new PlaceholderCheck(), new WsproxyExtensionCheck(), olsDifferences, new ProxyWithoutWebSocketCheck(),
                new UdsTripleSlashCheck(), new PhpIniOverrideCheck(), new UnknownVariableCheck(), new MapDomainCheck(),
                new GluedPlaceholderCheck(), new RegexInPlainUriCheck(),
                new UnsupportedDirectiveCheck(DirectiveSupport.current()));
        List<ModelCheck> model = new ArrayList<>(List.of(new SecureListenerCheck(), new ListenerWithoutMapCheck(),
                new ScriptHandlerCheck(), olsDifferences, new ListenerPortSharingCheck(),
                new RewriteRuleCheck(readFiles)));
        if (readFiles) {
            model.addAll(TlsChecks.all());
            model.add(new PlainTextPasswordCheck());
            model.add(new RunAsAccountCheck());
        }
        this.modelChecks = List.copyOf(model);
        this.walker = new ScopeWalker(table, directiveChecks);
    }

    /** Every check this linter runs, each once. */
    public List<Check> checks() {
        return Stream.of(treeChecks, directiveChecks, modelChecks).flatMap(List::stream).distinct()
                .map(Check.class::cast).toList();
    }

    /** Checks the files of {@code tree} and the model bound from it. */
    public void lint(ConfigTree tree, ServerConfig config, Diagnostics out) {
        treeChecks.forEach(check -> check.check(tree, config, sink(check, out)));
        for (ConfigFile file : tree.files()) {
            walker.walk(file, out);
        }
        modelChecks.forEach(check -> check.check(config, sink(check, out)));
    }

    static Diagnostics sink(Check check, Diagnostics out) {
        return out.restrictedTo(check.codes(), check.getClass().getSimpleName());
    }
}
