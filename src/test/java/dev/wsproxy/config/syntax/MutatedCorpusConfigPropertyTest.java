package dev.wsproxy.config.syntax;

import dev.wsproxy.config.Corpus;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;

/** The mutation properties of {@link MutatedConfigPropertyTest} over the corpus's real configs. */
@Tag("corpus")
class MutatedCorpusConfigPropertyTest extends MutatedConfigPropertyTest {
    @Override
    List<Path> sampleFolders() {
        return List.of(Corpus.folder("ols-samples"), Corpus.folder("ols-realworld"));
    }
}
