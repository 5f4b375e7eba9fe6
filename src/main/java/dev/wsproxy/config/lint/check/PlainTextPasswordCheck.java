package dev.wsproxy.config.lint.check;

import dev.wsproxy.auth.PasswordHash;
import dev.wsproxy.auth.UserFile;
import dev.wsproxy.config.diag.Code;
import dev.wsproxy.config.diag.Diagnostics;
import dev.wsproxy.config.model.AuthRule;
import dev.wsproxy.config.model.Realm;
import dev.wsproxy.config.model.ServerConfig;
import dev.wsproxy.config.source.Span;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * WSP342: a user in a realm's user file whose password is stored in plain text (checked when the config's files
 * are read). The message names the user and line, never the password.
 */
public final class PlainTextPasswordCheck implements ModelCheck {

    @Override
    public Set<Code> codes() {
        return Set.of(Code.PLAIN_TEXT_PASSWORD);
    }

    @Override
    public void check(ServerConfig config, Diagnostics out) {
        config.virtualHosts().stream().flatMap(v -> v.contexts().stream())
                .flatMap(c -> c.auth().flatMap(AuthRule::realm).stream())
                .map(Realm::userFile).distinct().forEach(file -> check(file, out));
    }

    private static void check(Path userFile, Diagnostics out) {
        Optional<String> text = read(userFile);
        for (UserFile.Line line : text.map(UserFile::lines).orElse(List.of())) {
            if (line.user().password().form() == PasswordHash.Form.PLAIN_TEXT) {
                out.add(Code.PLAIN_TEXT_PASSWORD, Span.at(userFile, line.number(), 1),
                        "user `" + line.user().name() + "` has a plain-text password",
                        "Anyone who can read this file can log in as that user. Store a hash instead, e.g."
                                + " `htpasswd -B " + userFile + " " + line.user().name() + "` (bcrypt).");
            }
        }
    }

    private static Optional<String> read(Path file) {
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
