package dev.wsproxy.config.diag;

import dev.wsproxy.config.source.Span;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/** The diagnostics a stage collects while it keeps going; never thrown. */
public final class Diagnostics {
    private final List<Diagnostic> items;
    /** The codes this sink takes, or null for any; see {@link #restrictedTo}. */
    private final Set<Code> allowed;
    private final String owner;

    public Diagnostics() {
        this(new ArrayList<>(), null, "");
    }

    private Diagnostics(List<Diagnostic> items, Set<Code> allowed, String owner) {
        this.items = items;
        this.allowed = allowed;
        this.owner = owner;
    }

    /**
     * A view that adds to this sink but refuses a code {@code owner} has not declared: each code has one home,
     * and a check reporting another's code is a programming error, caught by the first test that triggers it.
     */
    public Diagnostics restrictedTo(Set<Code> codes, String owner) {
        return new Diagnostics(items, Set.copyOf(codes), owner);
    }

    public void add(Diagnostic diagnostic) {
        if (allowed != null && !allowed.contains(diagnostic.code())) {
            throw new IllegalStateException(owner + " reported " + diagnostic.code().id() + ", which it does not declare");
        }
        items.add(diagnostic);
    }

    public void add(Code code, Span span, String summary, String detail) {
        add(Diagnostic.of(code, span, summary, detail));
    }

    public void addAll(List<Diagnostic> more) {
        more.forEach(this::add);
    }

    public List<Diagnostic> list() {
        return Collections.unmodifiableList(items);
    }

    public boolean hasErrors() {
        return items.stream().anyMatch(Diagnostic::isError);
    }
}
