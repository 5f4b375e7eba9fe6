package dev.wsproxy.config.schema;

import java.util.List;
import java.util.Optional;

/**
 * One row of the directive table: a directive as it may appear in one scope.
 *
 * @param name    the canonical spelling, used in messages
 * @param type    what its value must be
 * @param choices the allowed values when {@code type} is {@link ValueType#CHOICE}; bounds are in {@code min}/{@code max}
 * @param min     smallest allowed number (NUMBER only)
 * @param max     largest allowed number (NUMBER only)
 * @param repeats whether it may be given more than once (otherwise the first wins, as in OLS)
 * @param shape   entry, block, or either
 * @param body    the scope of its body when it is a block
 */
public record DirectiveSpec(String name, ValueType type, List<String> choices, long min, long max, boolean repeats,
                            Shape shape, Optional<Scope> body) {

    /** Whether the directive is a plain line, a block, or may be written either way. */
    public enum Shape { ENTRY, BLOCK, EITHER }

    public DirectiveSpec {
        choices = List.copyOf(choices);
    }

    public boolean canBeBlock() {
        return shape != Shape.ENTRY;
    }

    public boolean canBeEntry() {
        return shape != Shape.BLOCK;
    }
}
