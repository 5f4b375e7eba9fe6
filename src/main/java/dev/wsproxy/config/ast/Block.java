package dev.wsproxy.config.ast;

import dev.wsproxy.config.schema.DirectiveTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The body of one block as OLS reads it: includes spliced in, optional XML-era list wrappers
 * ({@code contextList}, ...) opened, keys compared case-insensitively, the first of a repeated key winning.
 */
public final class Block {
    private final List<Directive> body;

    private Block(List<Directive> body) {
        this.body = body;
    }

    public static Block of(List<Directive> directives) {
        return new Block(open(Directive.flatten(directives)));
    }

    public static Block of(Directive block) {
        return of(block.children());
    }

    public static Block empty() {
        return new Block(List.of());
    }

    private static List<Directive> open(List<Directive> directives) {
        List<Directive> out = new ArrayList<>();
        for (Directive d : directives) {
            if (d.isBlock() && DirectiveTable.isWrapper(d.name())) {
                out.addAll(open(d.body()));
            } else {
                out.add(d);
            }
        }
        return out;
    }

    /** Every directive, in order. */
    public List<Directive> directives() {
        return body;
    }

    /** The first {@code name} directive; later ones are ignored, as in OLS. */
    public Optional<Directive> first(String name) {
        return body.stream().filter(d -> d.is(name)).findFirst();
    }

    /** Every {@code name} directive, in order. */
    public List<Directive> all(String name) {
        return body.stream().filter(d -> d.is(name)).toList();
    }

    /** The trimmed value of the first {@code name}; empty when absent or blank. */
    public Optional<String> value(String name) {
        return first(name).map(d -> d.value().trim()).filter(v -> !v.isEmpty());
    }

    /** The body of the first {@code name} block, or an empty body. */
    public Block child(String name) {
        return first(name).filter(Directive::isBlock).map(Block::of).orElse(empty());
    }

    /** Whether a {@code name} directive is present. */
    public boolean has(String name) {
        return first(name).isPresent();
    }

    /**
     * A block's name as OLS reads it: the block value wins over an inner {@code key} line
     * ({@code context /a/ { uri /b/ }} is {@code /a/}).
     */
    public static Optional<String> nameOf(Directive block, String key) {
        String value = block.value().trim();
        if (!value.isEmpty()) {
            return Optional.of(value);
        }
        return block.isBlock() ? of(block).value(key) : Optional.empty();
    }
}
