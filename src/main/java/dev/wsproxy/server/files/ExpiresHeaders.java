package dev.wsproxy.server.files;

import dev.wsproxy.config.model.ExpiresSettings;
import io.undertow.util.DateUtils;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import java.util.Date;
import java.util.Optional;

/**
 * Sets {@code Expires} and {@code Cache-Control: max-age} from a context's expires settings: the rule for
 * the exact content type, else for {@code major/*}, else {@code expiresDefault}; {@code A} counts from
 * now, {@code M} from the file's modification time.
 */
final class ExpiresHeaders {

    private final ExpiresSettings settings;

    ExpiresHeaders(ExpiresSettings settings) {
        this.settings = settings;
    }

    void apply(HeaderMap headers, String contentType, long lastModifiedMillis) {
        if (!settings.enabled()) {
            return;
        }
        Optional<ExpiresSettings.Rule> rule = ruleFor(contentType);
        if (rule.isEmpty()) {
            return;
        }
        long now = System.currentTimeMillis();
        long expires = (rule.get().fromModification() ? lastModifiedMillis : now) + rule.get().seconds() * 1000;
        long maxAge = Math.max(0, (expires - now) / 1000);
        headers.put(Headers.EXPIRES, DateUtils.toDateString(new Date(expires)));
        headers.put(Headers.CACHE_CONTROL, "max-age=" + maxAge);
    }

    private Optional<ExpiresSettings.Rule> ruleFor(String contentType) {
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
        ExpiresSettings.Rule exact = settings.byType().get(type);
        if (exact != null) {
            return Optional.of(exact);
        }
        int slash = type.indexOf('/');
        ExpiresSettings.Rule major = slash < 0 ? null : settings.byType().get(type.substring(0, slash) + "/*");
        return major != null ? Optional.of(major) : settings.defaultRule();
    }
}
