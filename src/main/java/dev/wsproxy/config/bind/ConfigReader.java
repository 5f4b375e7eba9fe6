package dev.wsproxy.config.bind;

import dev.wsproxy.config.ast.Directive;
import dev.wsproxy.config.diag.Diagnostics;
import java.nio.file.Path;
import java.util.List;

/** Reads one config file into directives, adding its syntax diagnostics to {@code into}. */
@FunctionalInterface
public interface ConfigReader {
    List<Directive> read(Path file, Diagnostics into);

    /**
     * Says which files {@link #read} will probably be asked for next, in that order, so a reader may start
     * on them early; {@code read} still gives each file's directives and diagnostics when it is called.
     */
    default void readAhead(List<Path> files) {
    }
}
