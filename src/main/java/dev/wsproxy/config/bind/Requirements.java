package dev.wsproxy.config.bind;

import dev.wsproxy.config.model.AuthRule.Required.Kind;
import dev.wsproxy.config.model.AuthRule.Required;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads a context's {@code required} as OLS does: {@code valid-user}, {@code user a b} or {@code group g}
 * (names split at spaces and commas, keywords in any case); {@code file-owner} and {@code file-group} let nobody
 * in, as in OLS; anything else means {@code valid-user}.
 */
final class Requirements {

    private Requirements() {
    }

    static Required parse(String text) {
        String trimmed = text.strip();
        String keyword = trimmed.split("[ \t]", 2)[0].toLowerCase(Locale.ROOT);
        List<String> names = Arrays.stream(trimmed.substring(keyword.length()).split("[ \t,]+"))
                .filter(s -> !s.isEmpty()).toList();
        return switch (keyword) {
            case "user" -> new Required(Kind.USER, names);
            case "group" -> new Required(Kind.GROUP, names);
            case "file-owner", "file-group" -> new Required(Kind.NOBODY, List.of());
            default -> Required.VALID_USER;
        };
    }
}
