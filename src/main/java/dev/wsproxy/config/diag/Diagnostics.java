package dev.wsproxy.config.diag;

import dev.wsproxy.config.source.Span;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The diagnostics a stage collects while it keeps going; never thrown. */
public final class Diagnostics {
    private final List<Diagnostic> items = new ArrayList<>();

    public void add(Diagnostic diagnostic) {
        items.add(diagnostic);
    }

    public void add(Code code, Span span, String summary, String detail) {
        items.add(Diagnostic.of(code, span, summary, detail));
    }

    public void addAll(List<Diagnostic> more) {
        items.addAll(more);
    }

    public List<Diagnostic> list() {
        return Collections.unmodifiableList(items);
    }

    public boolean hasErrors() {
        return items.stream().anyMatch(Diagnostic::isError);
    }
}
