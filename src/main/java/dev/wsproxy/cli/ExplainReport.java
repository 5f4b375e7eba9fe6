package dev.wsproxy.cli;

import dev.wsproxy.config.lint.report.JsonReporter;
import dev.wsproxy.server.exchange.Outcome;
import dev.wsproxy.server.exchange.Trace;
import dev.wsproxy.server.pipeline.Explanation;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** An explanation as {@code explain} prints it: one line per decision for people, or one JSON object. */
final class ExplainReport {

    private static final String ANSWER = "answer";
    private static final int NAME_WIDTH = 24;

    private ExplainReport() {
    }

    static String text(Explanation explanation) {
        StringBuilder out = new StringBuilder();
        for (Trace.Decision decision : explanation.trace().decisions()) {
            line(out, decision.step().text(), decision.text());
        }
        line(out, ANSWER, answer(explanation.outcome(), explanation.trace().reason()));
        return out.toString().stripTrailing();
    }

    private static void line(StringBuilder out, String name, String text) {
        out.append(String.format("%-" + NAME_WIDTH + "s%s%n", name + ":", text));
    }

    private static String answer(Outcome outcome, Optional<String> reason) {
        String status = outcome.status() == null ? "" : outcome.status() + " ";
        return switch (outcome.kind()) {
            case STATIC -> status + "file " + outcome.target();
            case REDIRECT -> status + "redirect to " + outcome.target();
            case PROXY -> "proxied to backend " + outcome.target() + " (the backend answers)";
            case WEBSOCKET -> "tunnel to backend " + outcome.target() + " (101 when the backend accepts the upgrade)";
            case ERROR -> outcome.status() == null ? "none: " + reason.orElse("no step answered")
                    : (status + reason.map(why -> "(" + why + ")").orElse("")).trim();
        };
    }

    static String json(Explanation explanation) {
        Trace trace = explanation.trace();
        Outcome outcome = explanation.outcome();
        StringBuilder out = new StringBuilder("{");
        field(out, "listener", explanation.listener());
        field(out, "vhost", trace.vhost());
        field(out, "kind", Optional.of(outcome.kind().name().toLowerCase(Locale.ROOT)));
        field(out, "match", trace.match());
        field(out, "target", Optional.ofNullable(outcome.target()));
        out.append("\"status\":").append(outcome.status()).append(',');
        field(out, "reason", trace.reason());
        out.append("\"steps\":[");
        List<Trace.Decision> decisions = trace.decisions();
        for (int i = 0; i < decisions.size(); i++) {
            out.append(i == 0 ? "{" : ",{").append("\"step\":").append(JsonReporter.string(decisions.get(i).step().text()))
                    .append(",\"decision\":").append(JsonReporter.string(decisions.get(i).text())).append('}');
        }
        return out.append("]}").toString();
    }

    private static void field(StringBuilder out, String name, Optional<String> value) {
        out.append('"').append(name).append("\":").append(value.map(JsonReporter::string).orElse("null")).append(',');
    }
}
