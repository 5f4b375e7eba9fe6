package dev.wsproxy.config.schema;

import dev.wsproxy.config.diag.Code;
import dev.wsproxy.config.schema.Support.Exposure;
import dev.wsproxy.config.schema.Support.Trigger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The support table as Markdown ({@code docs/directives.md}): one row per directive and status, with its blocks. */
public final class SupportTableDoc {
    private static final String HEADER = """
            # Directive support

            Generated from `config/schema/DirectiveSupport` (and the directive table) by `SupportTableDocTest`;
            do not edit by hand: run the test with `-Dgolden.update=true`.

            What wsproxy does with each OLS 1.9.1 directive, block by block:

            - **acted on**: wsproxy does what OLS does with it;
            - **accepted, no effect**: wsproxy reads past it, and the result is the same as on OLS (a tuning knob of
              a process wsproxy does not start, a comment, a key OLS itself does not read);
            - **not supported**: OLS would behave differently. Lint reports such a directive where a config sets it
              to a value that makes the difference: warning %s, or error %s when wsproxy would serve what OLS
              refuses (then `serve` does not start). `serve` logs the same at start-up. Where the note says that
              the directive is never reported, OLS's default already differs from wsproxy, or the directive is
              reported with the one it belongs to.

            | Directive | Blocks | Status | Note |
            |---|---|---|---|
            """.formatted(Code.NOT_SUPPORTED.id(), Code.NOT_SUPPORTED_EXPOSES.id());

    private SupportTableDoc() {
    }

    /** The whole document. */
    public static String render(DirectiveTable table, DirectiveSupport support) {
        Map<String, Row> rows = new LinkedHashMap<>();
        for (Scope scope : Scope.values()) {
            for (DirectiveSpec spec : table.in(scope)) {
                Support s = support.find(scope, spec.name()).orElseThrow(() ->
                        new IllegalStateException(spec.name() + " in " + scope + " has no support status"));
                String note = note(s);
                rows.computeIfAbsent(spec.name() + "\n" + s.status() + "\n" + note,
                        k -> new Row(spec.name(), s.status().label(), note, new ArrayList<>())).blocks.add(label(scope));
            }
        }
        return HEADER + rows.values().stream().map(Row::markdown).collect(Collectors.joining("\n", "", "\n"));
    }

    /** One line of the table. */
    private record Row(String directive, String status, String note, List<String> blocks) {
        String markdown() {
            return "| `" + directive + "` | " + String.join(", ", blocks) + " | " + status + " | " + note + " |";
        }
    }

    private static String note(Support s) {
        String code = s.exposure() == Exposure.ALWAYS ? Code.NOT_SUPPORTED_EXPOSES.id() : Code.NOT_SUPPORTED.id();
        String lint;
        if (!s.reportable()) {
            lint = "";
        } else if (s.trigger() instanceof Trigger.Value v && v.quiet().isEmpty()) {
            lint = " Lint: " + code + " when set.";
        } else if (s.trigger() instanceof Trigger.Value v) {
            lint = " OLS default `" + v.olsDefault() + "`; lint: " + code + " unless "
                    + v.quiet().stream().map(q -> "`" + q + "`").collect(Collectors.joining(" or ")) + ".";
        } else {
            Trigger.Switch sw = (Trigger.Switch) s.trigger();
            lint = " Lint: " + code + " when `" + sw.key() + "` is not `" + sw.off() + "` (OLS default `"
                    + sw.byDefault() + "`).";
        }
        return (s.note() + lint).trim();
    }

    private static String label(Scope scope) {
        return switch (scope) {
            case SERVER -> "server";
            case VHOST_ENTRY -> "virtualhost";
            case VHOST_CONFIG -> "vhost config";
            case TEMPLATE -> "template file";
            default -> scope.title();
        };
    }
}
