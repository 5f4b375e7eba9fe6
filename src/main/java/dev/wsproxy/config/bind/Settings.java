package dev.wsproxy.config.bind;

import dev.wsproxy.config.ast.Block;
import dev.wsproxy.config.ast.Directive;
import dev.wsproxy.config.model.AccessControl;
import dev.wsproxy.config.model.AclEntry;
import dev.wsproxy.config.model.ExpiresSettings;
import dev.wsproxy.config.value.AclLists;
import dev.wsproxy.config.value.ExpiresRules;
import dev.wsproxy.config.value.Numbers;
import dev.wsproxy.config.value.Parsed;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Typed reads of the settings that inherit from server to vhost to context: index lists, expires and
 * accessControl. Bad values fall back to the inherited ones; lint reports them.
 */
final class Settings {
    private Settings() {
    }

    static Optional<Boolean> bool(Block block, String key) {
        return block.value(key).flatMap(v -> Numbers.bool(v).get());
    }

    static Optional<Long> number(Block block, String key) {
        return block.value(key).flatMap(v -> Numbers.number(v).get());
    }

    static int intOr(Block block, String key, int fallback) {
        return number(block, key).map(Long::intValue).orElse(fallback);
    }

    /** An index list: comma or blank separated; {@code -} means none. */
    static List<String> indexList(String text) {
        if (text.trim().equals("-")) {
            return List.of();
        }
        return Arrays.stream(text.split("[,\\s]+")).filter(s -> !s.isEmpty()).toList();
    }

    /** Expires keys of {@code block} over {@code inherited}, key by key. */
    static ExpiresSettings expires(Block block, ExpiresSettings inherited) {
        return new ExpiresSettings(bool(block, "enableExpires").orElse(inherited.enabled()),
                block.value("expiresDefault").flatMap(v -> ExpiresRules.rule(v).get()).or(inherited::defaultRule),
                block.value("expiresByType").flatMap(v -> ExpiresRules.byType(v).get()).orElse(inherited.byType()));
    }

    /** The accessControl block of {@code block}, if it has one. */
    static Optional<AccessControl> accessControl(Block block) {
        return block.first("accessControl").filter(Directive::isBlock).map(Block::of)
                .map(acl -> new AccessControl(acl(acl, "allow"), acl(acl, "deny")));
    }

    private static List<AclEntry> acl(Block acl, String key) {
        return acl.value(key).map(AclLists::parse).flatMap(Parsed::get).orElse(List.of());
    }
}
