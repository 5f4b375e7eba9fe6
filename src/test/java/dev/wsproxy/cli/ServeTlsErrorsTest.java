package dev.wsproxy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsproxy.tls.TestPki;
import dev.wsproxy.tls.TestPki.Algorithm;
import dev.wsproxy.tls.TestPki.Issued;
import dev.wsproxy.tls.TestPki.KeyForm;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** {@code wsproxy -c} with a secure listener whose key cannot be used: one line with file, line and reason, exit 1. */
class ServeTlsErrorsTest {
    private static final Issued CERT = TestPki.create("Serve CA").issue(Algorithm.EC, "localhost");

    @TempDir
    Path root;

    @ParameterizedTest
    @CsvSource({"ENCRYPTED_PKCS8, is encrypted, WSP409", "ENCRYPTED_TRADITIONAL, is encrypted, WSP409",
                "MISMATCHED, is not the key of certFile, WSP403", "MISSING, the file does not exist, WSP401"})
    void aKeyThatCannotBeUsedStopsStartUpWithOneLine(String problem, String reason, String code) throws Exception {
        Files.createDirectories(root.resolve("conf"));
        Files.createDirectories(root.resolve("site/html"));
        Files.writeString(root.resolve("conf/mime.properties"), "html = text/html\n");
        CERT.writeCertificate(root.resolve("conf/cert.pem"));
        switch (problem) {
            case "MISMATCHED" -> TestPki.create("Other CA").issue(Algorithm.EC, "localhost").writeKey(root.resolve("conf/key.pem"), KeyForm.PKCS8);
            case "MISSING" -> { }
            default -> CERT.writeKey(root.resolve("conf/key.pem"), KeyForm.valueOf(problem));
        }
        // port 65000 is never bound: the config is refused before anything listens
        Path config = Files.writeString(root.resolve("conf/httpd_config.conf"), String.join("\n", "mime conf/mime.properties",
                "virtualhost site {", "  vhRoot site/", "  docRoot $VH_ROOT/html/", "  vhDomain localhost", "}",
                "listener ssl {", "  address 127.0.0.1:65000", "  secure 1", "  keyFile conf/key.pem", "  certFile conf/cert.pem",
                "  map site localhost", "}", ""));
        StringWriter err = new StringWriter();
        CommandLine command = Main.commandLine();
        command.setErr(new PrintWriter(err));

        int exit = command.execute("-c", config.toString());

        List<String> lines = err.toString().lines().toList();
        assertEquals(1, exit);
        assertEquals(2, lines.size(), err.toString());
        assertTrue(lines.get(0).contains("httpd_config.conf:11:3: error: listener ssl: keyFile ") && lines.get(0).contains(reason)
                && lines.get(0).endsWith("[" + code + "]"), lines.get(0));
        assertTrue(lines.get(1).endsWith("1 error(s); not starting"), lines.get(1));
        assertFalse(err.toString().contains("Exception"), "no stack trace");
    }
}
