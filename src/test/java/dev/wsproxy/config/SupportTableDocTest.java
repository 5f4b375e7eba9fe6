package dev.wsproxy.config;

import dev.wsproxy.config.schema.DirectiveSupport;
import dev.wsproxy.config.schema.DirectiveTable;
import dev.wsproxy.config.schema.SupportTableDoc;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code docs/directives.md} is the support table as the code has it; {@code -Dgolden.update=true} rewrites it. */
class SupportTableDocTest {

    @Test
    void docsDirectivesMatchesTheSupportTable() throws IOException {
        Golden.check(Path.of("docs/directives.md"), SupportTableDoc.render(DirectiveTable.ols(), DirectiveSupport.current()));
    }
}
