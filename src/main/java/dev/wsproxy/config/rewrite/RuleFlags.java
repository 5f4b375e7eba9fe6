package dev.wsproxy.config.rewrite;

import java.util.List;
import java.util.Optional;

/**
 * The {@code [flags]} of a RewriteRule as OLS reads them.
 *
 * @param action      what the rule does besides rewriting: none, redirect ({@code R}), forbid ({@code F}),
 *                    gone ({@code G}) or proxy ({@code P})
 * @param status      the status of {@code R} (302 unless written), 403 for {@code F}, 410 for {@code G}
 * @param last        {@code L}, and every flag that implies it ({@code END}, {@code F}, {@code G}, {@code P},
 *                    {@code PT})
 * @param skip        {@code S=n}: rules to skip after this one matched
 * @param backrefs    how the {@code B} flags escape back-references
 * @param unsafeAllow3F {@code UnsafeAllow3F}: a {@code ?} in a back-reference may start the query
 * @param env         {@code E=name:value} templates, in order
 * @param cookies     {@code CO=name:value:domain:...} templates, in order
 * @param forcedType  {@code T=} or {@code H=}: the type (or handler) the result is served as
 */
public record RuleFlags(Action action, int status, boolean last, boolean end, boolean next, boolean chain, int skip,
                        boolean noCase, boolean noEscape, BackrefEscaping backrefs, boolean qsAppend, boolean qsDiscard,
                        boolean passThrough, boolean unsafeAllow3F, List<Template> env, List<Template> cookies,
                        Optional<String> forcedType) {

    /** What a matching rule does beyond rewriting the URL. */
    public enum Action { NONE, REDIRECT, FORBID, GONE, PROXY }

    public RuleFlags {
        env = List.copyOf(env);
        cookies = List.copyOf(cookies);
    }
}
