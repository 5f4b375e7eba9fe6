package dev.wsproxy.config.lint.check;

import dev.wsproxy.config.diag.Code;
import dev.wsproxy.config.diag.Diagnostic;
import dev.wsproxy.config.diag.Diagnostics;
import dev.wsproxy.config.diag.Severity;
import dev.wsproxy.config.model.Context;
import dev.wsproxy.config.model.ServerConfig;
import dev.wsproxy.config.model.VirtualHost;
import dev.wsproxy.config.source.Span;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * WSP330: a {@code scriptHandler} names an app (lsapi, fcgi, ...) that wsproxy does not run, so its files get
 * 503 (403 with {@code enableScript 0}) and never their source. One diagnostic per handler, at its first
 * {@code add} line: an error when a static context of a vhost that runs scripts reaches such files, else info.
 *
 * <p>Example: {@code scriptHandler { add lsapi:lsphp php }} with the default static {@code /} context.
 */
public final class ScriptHandlerCheck implements ModelCheck {

    private static final Comparator<Span> CONFIG_ORDER = Comparator.comparing((Span s) -> String.valueOf(s.file()))
            .thenComparingInt(Span::line).thenComparingInt(Span::column);

    /** Where one handler is declared, the suffixes it takes and whether a static context reaches them. */
    private static final class Use {
        final TreeSet<Span> declared = new TreeSet<>(CONFIG_ORDER);
        final TreeSet<String> suffixes = new TreeSet<>();
        boolean reachable;
    }

    @Override
    public Set<Code> codes() {
        return Set.of(Code.SCRIPT_HANDLER_NOT_RUN);
    }

    @Override
    public void check(ServerConfig config, Diagnostics out) {
        Map<String, Use> byHandler = new LinkedHashMap<>();
        for (VirtualHost vhost : config.virtualHosts()) {
            boolean servesFiles = vhost.scripts().enabled() && vhost.contexts().stream()
                    .anyMatch(c -> c instanceof Context.Static files && files.allowBrowse());
            vhost.scripts().bySuffix().forEach((suffix, handler) -> {
                Use use = byHandler.computeIfAbsent(handler.text(), text -> new Use());
                use.declared.add(handler.span());
                use.suffixes.add("." + suffix);
                use.reachable |= servesFiles;
            });
        }
        byHandler.forEach((handler, use) -> out.add(diagnostic(handler, use)));
    }

    private static Diagnostic diagnostic(String handler, Use use) {
        String files = String.join(", ", use.suffixes);
        String fix = " To serve the app, run it as an HTTP server and proxy to it: `extprocessor app { type proxy;"
                + " address 127.0.0.1:9000 }` and `context / { type proxy; handler app }`.";
        Diagnostic found = Diagnostic.of(Code.SCRIPT_HANDLER_NOT_RUN, use.declared.first(),
                "scriptHandler `" + handler + "` is not run by wsproxy: " + files + " files get 503",
                use.reachable
                        ? "wsproxy runs no lsapi, fcgi or other script app. It answers 503 for " + files + " files (403"
                                + " with enableScript 0), as OLS does when the app cannot start, and never sends their"
                                + " source." + fix
                        : "No static context of a vhost that runs scripts reaches those files, so nothing is served"
                                + " differently; requests for them would get 503." + fix);
        if (!use.reachable) {
            found = found.withSeverity(Severity.INFO);
        }
        for (Span also : List.copyOf(use.declared).subList(1, use.declared.size())) {
            found = found.withRelated(also, "also declared here");
        }
        return found;
    }
}
