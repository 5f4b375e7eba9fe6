package dev.wsproxy.config.ast;

import dev.wsproxy.config.source.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * One line of OLS config as written: {@code name value}, a block {@code name value { ... }}, or an
 * {@code include} whose children are the directives of the files it brought in.
 *
 * @param name      the key as written (keys are case-insensitive; compare with {@link #is})
 * @param value     the value with internal blanks kept, "" when there is none
 * @param span      where the name starts
 * @param valueSpan where the value starts (equal to {@code span} when there is no value)
 * @param kind      entry, block or include
 * @param children  the block body, or the included directives; empty for entries
 */
public record Directive(String name, String value, Span span, Span valueSpan, Kind kind, List<Directive> children) {

    /** What shape of line a directive came from. */
    public enum Kind { ENTRY, BLOCK, INCLUDE }

    public Directive {
        children = List.copyOf(children);
    }

    public boolean is(String key) {
        return name.equalsIgnoreCase(key);
    }

    public boolean isBlock() {
        return kind == Kind.BLOCK;
    }

    /** The body with includes spliced in, in file order, as OLS sees it. */
    public List<Directive> body() {
        return flatten(children);
    }

    /** Directives with every {@code include} replaced by what it brought in, recursively. */
    public static List<Directive> flatten(List<Directive> directives) {
        List<Directive> out = new ArrayList<>();
        for (Directive d : directives) {
            if (d.kind == Kind.INCLUDE) {
                out.addAll(flatten(d.children));
            } else {
                out.add(d);
            }
        }
        return out;
    }
}
