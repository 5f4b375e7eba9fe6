package dev.wsproxy.server.files;

import dev.wsproxy.config.model.Context;
import dev.wsproxy.config.model.MimeTypes;
import dev.wsproxy.config.model.VirtualHost;
import dev.wsproxy.server.exchange.ErrorPageSource;
import dev.wsproxy.server.routing.CleanPath;
import dev.wsproxy.server.routing.ContextRouter;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A vhost's {@code errorPage} URIs mapped to files through the vhost's own static contexts. A page that a
 * script handler would run is never sent as a file; the short built-in page stands in for it.
 */
public final class ErrorPageFiles implements ErrorPageSource {

    private final VirtualHost vhost;
    private final MimeTypes mime;
    private final ContextRouter router;

    public ErrorPageFiles(VirtualHost vhost, MimeTypes mime, ContextRouter router) {
        this.vhost = vhost;
        this.mime = mime;
        this.router = router;
    }

    @Override
    public Optional<Path> pageFor(int status) {
        String uri = vhost.errorPages().get(status);
        if (uri == null) {
            return Optional.empty();
        }
        int query = uri.indexOf('?');
        return CleanPath.of(query < 0 ? uri : uri.substring(0, query))
                .flatMap(router::select)
                .filter(match -> match.context() instanceof Context.Static)
                .flatMap(match -> FileLocator.locate((Context.Static) match.context(), match))
                .map(FileLocator.Located::file)
                .filter(file -> ScriptFiles.sendable(file, vhost.scripts(), mime));
    }
}
