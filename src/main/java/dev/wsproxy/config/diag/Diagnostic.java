package dev.wsproxy.config.diag;

import dev.wsproxy.config.source.Span;
import java.util.List;

/**
 * One finding about a config: a stable code, a severity, where it is, a short summary and a detail
 * that ends with what to do, plus related places ("first defined here").
 */
public record Diagnostic(Code code, Severity severity, Span span, String summary, String detail, List<Related> related) {

    /** Another place that explains this diagnostic. */
    public record Related(Span span, String message) {
    }

    public Diagnostic {
        related = List.copyOf(related);
        detail = detail == null ? "" : detail;
    }

    /** A diagnostic at the code's own severity with no related places. */
    public static Diagnostic of(Code code, Span span, String summary, String detail) {
        return new Diagnostic(code, code.severity(), span, summary, detail, List.of());
    }

    public Diagnostic withSeverity(Severity newSeverity) {
        return new Diagnostic(code, newSeverity, span, summary, detail, related);
    }

    public Diagnostic withRelated(Span where, String message) {
        List<Related> more = new java.util.ArrayList<>(related);
        more.add(new Related(where, message));
        return new Diagnostic(code, severity, span, summary, detail, more);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** Whether this keeps {@code serve} from starting: an error, unless its code is one the server answers safely. */
    public boolean stopsServe() {
        return isError() && !code.servedSafely();
    }
}
