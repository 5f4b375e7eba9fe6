package dev.wsproxy.config.bind;

import dev.wsproxy.config.ast.Block;
import dev.wsproxy.config.ast.Directive;
import dev.wsproxy.config.diag.Code;
import dev.wsproxy.config.model.ScriptHandler;
import dev.wsproxy.config.value.PathResolver;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code scriptHandler { add <type>:<name> <suffix>[, <suffix>...] }} lines of one level (server or
 * vhost) into handlers by lowercased suffix. A vhost's entries replace the server's suffix by suffix and
 * inherit the rest, as OLS merges them ({@code HttpMime::mergeHandlerList}).
 */
final class ScriptHandlerEntries {

    private static final Pattern ADD = Pattern.compile("([^:\\s]+):(\\S+)\\s+(.+)");

    private ScriptHandlerEntries() {
    }

    static Map<String, ScriptHandler> read(Block level, PathResolver paths, Binding binding) {
        Map<String, ScriptHandler> bySuffix = new LinkedHashMap<>();
        for (Directive add : level.child("scriptHandler").all("add")) {
            Matcher m = ADD.matcher(add.value().trim());
            if (!m.matches() || m.group(3).contains(".")) {
                binding.report(Code.BAD_VALUE, add.valueSpan(), "scriptHandler `add " + add.value().trim()
                                + "` cannot be read",
                        "OLS ignores this line and would then send those files' source as plain files. Write"
                                + " `add <type>:<handler> <suffixes>`, suffixes without a dot: `add lsapi:lsphp php`.");
                continue;
            }
            ScriptHandler handler = new ScriptHandler(m.group(1).toLowerCase(Locale.ROOT),
                    paths.expandNames(m.group(2)), add.span());
            for (String suffix : m.group(3).toLowerCase(Locale.ROOT).split("[,\\s]+")) {
                if (!suffix.isEmpty()) {
                    bySuffix.put(suffix, handler);
                }
            }
        }
        return bySuffix;
    }

    /** The server's handlers with the vhost's own replacing them suffix by suffix. */
    static Map<String, ScriptHandler> merge(Map<String, ScriptHandler> server, Map<String, ScriptHandler> vhost) {
        Map<String, ScriptHandler> merged = new LinkedHashMap<>(server);
        merged.putAll(vhost);
        return merged;
    }
}
