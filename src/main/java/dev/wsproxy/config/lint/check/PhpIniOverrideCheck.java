package dev.wsproxy.config.lint.check;

import dev.wsproxy.config.ast.Block;
import dev.wsproxy.config.ast.Directive;
import dev.wsproxy.config.diag.Code;
import dev.wsproxy.config.diag.Diagnostics;
import dev.wsproxy.config.schema.DirectiveSpec;
import dev.wsproxy.config.schema.Scope;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * WSP323: a {@code phpIniOverride} line OLS drops. OLS reads only the {@code php_value}, {@code php_flag},
 * {@code php_admin_value} and {@code php_admin_flag} lines of the block; any other key ({@code php_values},
 * {@code upload_max_filesize = 64M}) never reaches PHP.
 */
public final class PhpIniOverrideCheck implements DirectiveCheck {
    private static final Set<String> KEPT = Set.of("php_value", "php_flag", "php_admin_value", "php_admin_flag");

    @Override
    public Set<Code> codes() {
        return Set.of(Code.PHP_INI_DROPPED);
    }

    @Override
    public void directive(Directive d, Scope scope, Optional<DirectiveSpec> spec, Diagnostics out) {
        if (spec.isEmpty() || !d.isBlock() || !d.is("phpIniOverride")) {
            return;
        }
        for (Directive line : Block.of(d).directives()) {
            if (!KEPT.contains(line.name().toLowerCase(Locale.ROOT))) {
                out.add(Code.PHP_INI_DROPPED, line.span(), "`" + line.name() + "` in phpIniOverride is dropped by OLS",
                        "OLS passes only php_value, php_flag, php_admin_value and php_admin_flag lines to PHP:"
                                + " write `php_value <setting> <value>` (or php_flag for on/off settings).");
            }
        }
    }
}
