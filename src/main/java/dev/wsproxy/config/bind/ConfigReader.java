package dev.wsproxy.config.bind;

import dev.wsproxy.config.ast.Directive;
import dev.wsproxy.config.diag.Diagnostics;
import java.nio.file.Path;
import java.util.List;

/** Reads one config file into directives, adding its syntax diagnostics to {@code into}. */
@FunctionalInterface
public interface ConfigReader {
    List<Directive> read(Path file, Diagnostics into);
}
