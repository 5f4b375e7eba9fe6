package dev.wsproxy.config.bind;

import dev.wsproxy.config.ast.Block;
import dev.wsproxy.config.ast.Directive;
import dev.wsproxy.config.model.ScriptHandler;
import dev.wsproxy.config.value.PathResolver;
import dev.wsproxy.config.value.ScriptHandlerLines;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the {@code scriptHandler { add <type>:<name> <suffix>[, <suffix>...] }} lines of one level (server or
 * vhost) into handlers by lowercased suffix. A vhost's entries replace the server's suffix by suffix and
 * inherit the rest, as OLS merges them ({@code HttpMime::mergeHandlerList}).
 */
final class ScriptHandlerEntries {

    private ScriptHandlerEntries() {
    }

    /** The readable {@code add} lines of {@code level}; lint reports the others. */
    static Map<String, ScriptHandler> read(Block level, PathResolver paths) {
        Map<String, ScriptHandler> bySuffix = new LinkedHashMap<>();
        for (Directive add : level.child("scriptHandler").all("add")) {
            ScriptHandlerLines.add(add.value()).get().ifPresent(line -> {
                ScriptHandler handler = new ScriptHandler(line.type(), paths.expandNames(line.handler()), add.span());
                line.suffixes().forEach(suffix -> bySuffix.put(suffix, handler));
            });
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
