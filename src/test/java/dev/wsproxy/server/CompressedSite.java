package dev.wsproxy.server;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.wsproxy.config.ConfigLoader;
import dev.wsproxy.config.LoadOptions;
import dev.wsproxy.config.LoadResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.zip.GZIPInputStream;

/**
 * A server root for compression tests: a config with the given {@code tuning} body and vhost lines, written and
 * loaded by the real front end, a vhost {@code site} serving {@code site/html/}, and requests that keep the body's
 * bytes as they came.
 */
final class CompressedSite {

    private CompressedSite() {
    }

    static RunningServer start(Path root, String tuning, String vhostLines) throws Exception {
        return start(root, tuning, "", vhostLines);
    }

    /** As {@link #start(Path, String, String)}, with more server-level lines (an {@code extprocessor}). */
    static RunningServer start(Path root, String tuning, String serverLines, String vhostLines) throws Exception {
        Files.createDirectories(root.resolve("conf"));
        Files.createDirectories(root.resolve("logs"));
        Files.createDirectories(root.resolve("site/html"));
        Files.writeString(root.resolve("conf/mime.properties"), "html = text/html\ntxt = text/plain\ncss = text/css\n"
                + "js = application/javascript\npng = image/png\n");
        Files.writeString(root.resolve("conf/httpd_config.conf"), "mime conf/mime.properties\n"
                + "errorlog logs/error.log {\n  logLevel INFO\n  enableStderrLog 0\n}\n"
                + "accesslog logs/access.log\n"
                + "tuning {\n" + tuning + "\n}\n" + serverLines + "\n"
                + "virtualhost site {\n  vhRoot site/\n  docRoot $VH_ROOT/html/\n" + vhostLines + "\n}\n"
                + "listener http {\n  address 127.0.0.1:8080\n  map site *\n}\n");
        LoadResult loaded = ConfigLoader.load(root.resolve("conf/httpd_config.conf"), LoadOptions.defaults());
        assertFalse(loaded.hasErrors(), loaded.diagnostics().toString());
        return RunningServer.start(loaded.config().orElseThrow());
    }

    /** Writes {@code site/html/<name>} with a modification time in the past, as a deployed file has. */
    static Path file(Path root, String name, byte[] content) throws IOException {
        Path file = root.resolve("site/html").resolve(name);
        Files.createDirectories(file.getParent());
        Files.write(file, content);
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        return file;
    }

    /** Text that compresses as scripts and style sheets do: {@code size} bytes of repeated, varied lines. */
    static byte[] text(int size) {
        StringBuilder text = new StringBuilder(size);
        for (int line = 0; text.length() < size; line++) {
            text.append("function f").append(line).append("(a, b) { return a * ").append(line % 17).append(" + b; }\n");
        }
        return text.substring(0, size).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    static HttpResponse<byte[]> get(RunningServer server, String path, String... headers) throws Exception {
        return send(server, "GET", path, headers);
    }

    static HttpResponse<byte[]> send(RunningServer server, String method, String path, String... headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path)).timeout(Duration.ofSeconds(10))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            request.headers(headers);
        }
        return server.client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static byte[] gunzip(byte[] gzipped) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("not a gzip stream", e);
        }
    }
}
