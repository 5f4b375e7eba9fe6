package dev.wsproxy.server.files;

import dev.wsproxy.config.model.MimeTypes;
import dev.wsproxy.config.model.ScriptHandlers;
import java.nio.file.Path;

/**
 * Which files are never sent as they are (OLS {@code setMimeBySuffix}): those a script handler would run,
 * and those whose MIME type is {@code application/x-httpd-*}, a type meant for a handler.
 */
final class ScriptFiles {

    private ScriptFiles() {
    }

    static boolean isHandlerType(String contentType) {
        return contentType.startsWith("application/x-httpd-");
    }

    static boolean sendable(Path file, ScriptHandlers scripts, MimeTypes mime) {
        String name = file.getFileName().toString();
        return scripts.forFile(name).isEmpty() && !isHandlerType(mime.typeOf(name));
    }
}
