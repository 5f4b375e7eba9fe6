package dev.wsproxy.server;

import static dev.wsproxy.server.CompressedSite.file;
import static dev.wsproxy.server.CompressedSite.get;
import static dev.wsproxy.server.CompressedSite.gunzip;
import static dev.wsproxy.server.CompressedSite.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Static files gzipped as OLS gzips them with gzipAutoUpdateStatic 1, through a real listener and HTTP client. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaticGzipTest {

    private static final String AUTO_UPDATE = "gzipAutoUpdateStatic 1\n  gzipMinFileSize 300\n  gzipMaxFileSize 100K";

    private Path root;
    private RunningServer server;
    private final byte[] script = text(64 * 1024);

    @BeforeAll
    void start(@TempDir Path tree) throws Exception {
        root = tree;
        file(root, "app.js", script);
        file(root, "site.css", text(5000));
        file(root, "small.css", text(299));
        file(root, "huge.js", text(100 * 1024 + 1));
        file(root, "logo.png", text(5000));
        server = CompressedSite.start(root, AUTO_UPDATE, "");
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void compressibleFileGoesOutGzippedWithItsOwnETag() throws Exception {
        HttpResponse<byte[]> plain = get(server, "/app.js");
        HttpResponse<byte[]> gzipped = get(server, "/app.js", "Accept-Encoding", "gzip, deflate, br");
        assertEquals(200, gzipped.statusCode());
        assertEquals("gzip", header(gzipped, "Content-Encoding"));
        assertEquals("Accept-Encoding", header(gzipped, "Vary"));
        assertEquals("application/javascript", header(gzipped, "Content-Type"));
        assertArrayEquals(script, gunzip(gzipped.body()));
        assertTrue(gzipped.body().length < script.length / 5, "64 KiB of script shrinks: " + gzipped.body().length);
        assertEquals(String.valueOf(gzipped.body().length), header(gzipped, "Content-Length"));
        assertEquals(header(plain, "Last-Modified"), header(gzipped, "Last-Modified"));
        assertNotEquals(header(plain, "ETag"), header(gzipped, "ETag"));
        assertTrue(header(gzipped, "ETag").endsWith("-gz\""), header(gzipped, "ETag"));

        assertArrayEquals(gzipped.body(), get(server, "/app.js", "Accept-Encoding", "gzip").body(),
                "the variant is kept and served again");
    }

    @Test
    void clientsThatDoNotAcceptGzipGetTheFileAsItIs() throws Exception {
        for (String[] headers : List.of(new String[0], new String[] {"Accept-Encoding", "identity"},
                new String[] {"Accept-Encoding", "gzip;q=0, br"}, new String[] {"Accept-Encoding", "deflate"})) {
            HttpResponse<byte[]> response = get(server, "/site.css", headers);
            assertEquals(200, response.statusCode());
            assertTrue(response.headers().firstValue("Content-Encoding").isEmpty(), Arrays.toString(headers));
            assertEquals("Accept-Encoding", header(response, "Vary"), "caches must keep the variants apart");
            assertEquals(5000, response.body().length);
        }
        HttpResponse<byte[]> weighted = get(server, "/site.css", "Accept-Encoding", "br;q=1.0, GZIP;q=0.5");
        assertEquals("gzip", header(weighted, "Content-Encoding"));
    }

    @Test
    void typesOutsideCompressibleTypesAndSizesOutOfRangeAreSentAsTheyAre() throws Exception {
        for (String path : List.of("/logo.png", "/small.css", "/huge.js")) {
            HttpResponse<byte[]> response = get(server, path, "Accept-Encoding", "gzip");
            assertEquals(200, response.statusCode(), path);
            assertTrue(response.headers().firstValue("Content-Encoding").isEmpty(), path);
            assertTrue(response.headers().firstValue("Vary").isEmpty(), path + " never varies");
            assertArrayEquals(Files.readAllBytes(root.resolve("site/html" + path)), response.body(), path);
        }
    }

    @Test
    void rangesAreServedFromTheFileAsItIs() throws Exception {
        HttpResponse<byte[]> range = get(server, "/app.js", "Accept-Encoding", "gzip", "Range", "bytes=100-199");
        assertEquals(206, range.statusCode());
        assertTrue(range.headers().firstValue("Content-Encoding").isEmpty());
        assertEquals("bytes 100-199/" + script.length, header(range, "Content-Range"));
        assertArrayEquals(Arrays.copyOfRange(script, 100, 200), range.body());
    }

    @Test
    void conditionalRequestsMatchTheVariantTheClientWouldGet() throws Exception {
        String gzipTag = header(get(server, "/site.css", "Accept-Encoding", "gzip"), "ETag");
        String plainTag = header(get(server, "/site.css"), "ETag");
        HttpResponse<byte[]> fresh = get(server, "/site.css", "Accept-Encoding", "gzip", "If-None-Match", gzipTag);
        assertEquals(304, fresh.statusCode());
        assertEquals("Accept-Encoding", header(fresh, "Vary"));
        assertEquals(200, get(server, "/site.css", "If-None-Match", gzipTag).statusCode(),
                "the gzip variant's tag does not validate the plain file");
        assertEquals(304, get(server, "/site.css", "If-None-Match", plainTag).statusCode());
    }

    @Test
    void headAnswersWithTheHeadersOfTheGzippedGet() throws Exception {
        HttpResponse<byte[]> getResponse = get(server, "/app.js", "Accept-Encoding", "gzip");
        HttpResponse<byte[]> head = CompressedSite.send(server, "HEAD", "/app.js", "Accept-Encoding", "gzip");
        assertEquals("gzip", header(head, "Content-Encoding"));
        assertEquals(header(getResponse, "Content-Length"), header(head, "Content-Length"));
        assertEquals(0, head.body().length);
    }

    @Test
    void aChangedFileGetsANewVariant() throws Exception {
        Path file = file(root, "changing.js", text(2000));
        String firstTag = header(get(server, "/changing.js", "Accept-Encoding", "gzip"), "ETag");
        byte[] changed = "var changed = 1;\n".repeat(200).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        Files.write(file, changed);
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() - 30_000));
        HttpResponse<byte[]> again = get(server, "/changing.js", "Accept-Encoding", "gzip");
        assertEquals("gzip", header(again, "Content-Encoding"));
        assertArrayEquals(changed, gunzip(again.body()));
        assertNotEquals(firstTag, header(again, "ETag"));
    }

    @Test
    void aFileWrittenThisSecondIsSentAsItIsUntilItSettles() throws Exception {
        Path file = root.resolve("site/html/fresh.js");
        Files.write(file, text(2000));
        HttpResponse<byte[]> response = get(server, "/fresh.js", "Accept-Encoding", "gzip");
        assertTrue(response.headers().firstValue("Content-Encoding").isEmpty());
        assertEquals("Accept-Encoding", header(response, "Vary"));
    }

    @Test
    void withoutAutoUpdateStaticFilesAreNotCompressed(@TempDir Path other) throws Exception {
        file(other, "app.js", script);
        try (RunningServer plain = CompressedSite.start(other, "enableGzipCompress 1", "")) {
            HttpResponse<byte[]> response = get(plain, "/app.js", "Accept-Encoding", "gzip");
            assertTrue(response.headers().firstValue("Content-Encoding").isEmpty());
            assertArrayEquals(script, response.body());
        }
    }

    @Test
    void enableGzipZeroTurnsCompressionOffForOneVhost(@TempDir Path other) throws Exception {
        file(other, "app.js", script);
        try (RunningServer off = CompressedSite.start(other, AUTO_UPDATE, "  enableGzip 0")) {
            HttpResponse<byte[]> response = get(off, "/app.js", "Accept-Encoding", "gzip");
            assertTrue(response.headers().firstValue("Content-Encoding").isEmpty());
            assertArrayEquals(script, response.body());
        }
        try (RunningServer off = CompressedSite.start(other, AUTO_UPDATE + "\n  enableGzipCompress 0", "")) {
            assertTrue(get(off, "/app.js", "Accept-Encoding", "gzip").headers().firstValue("Content-Encoding")
                    .isEmpty());
        }
    }

    @Test
    void compressibleTypesAddsAndRemovesTypesInOrder(@TempDir Path other) throws Exception {
        file(other, "app.js", script);
        file(other, "site.css", text(5000));
        file(other, "logo.png", text(5000));
        try (RunningServer typed = CompressedSite.start(other, AUTO_UPDATE
                + "\n  compressibleTypes default, !text/css, image/png", "")) {
            assertEquals(Optional.of("gzip"), encoding(typed, "/app.js"));
            assertEquals(Optional.empty(), encoding(typed, "/site.css"));
            assertEquals(Optional.of("gzip"), encoding(typed, "/logo.png"));
        }
    }

    @Test
    void gzipCacheDirKeepsVariantsOnDiskUnderOlsNames(@TempDir Path other) throws Exception {
        file(other, "app.js", script);
        Path cache = other.resolve("gzcache");
        try (RunningServer cached = CompressedSite.start(other, AUTO_UPDATE + "\n  gzipCacheDir gzcache", "")) {
            HttpResponse<byte[]> first = get(cached, "/app.js", "Accept-Encoding", "gzip");
            assertArrayEquals(script, gunzip(first.body()));
            List<Path> stored;
            try (Stream<Path> files = Files.walk(cache)) {
                stored = files.filter(Files::isRegularFile).toList();
            }
            assertEquals(1, stored.size(), stored.toString());
            assertTrue(stored.get(0).getFileName().toString().matches("[0-9a-f]{30}\\.lsz"), stored.toString());
            assertEquals(Files.getLastModifiedTime(other.resolve("site/html/app.js")),
                    Files.getLastModifiedTime(stored.get(0)), "stamped with the source's time");
            assertArrayEquals(first.body(), Files.readAllBytes(stored.get(0)));
        }
        try (RunningServer restarted = CompressedSite.start(other, "gzipCacheDir gzcache", "")) {
            HttpResponse<byte[]> again = get(restarted, "/app.js", "Accept-Encoding", "gzip");
            assertEquals("gzip", header(again, "Content-Encoding"),
                    "a variant made earlier is served without gzipAutoUpdateStatic, as OLS serves it");
            assertArrayEquals(script, gunzip(again.body()));
        }
    }

    @Test
    void aCacheDirThatCannotBeWrittenLeavesFilesAsTheyAreWithAWarning(@TempDir Path other) throws Exception {
        file(other, "app.js", script);
        Files.writeString(other.resolve("not-a-directory"), "x");
        try (RunningServer broken = CompressedSite.start(other, AUTO_UPDATE + "\n  gzipCacheDir not-a-directory", "")) {
            HttpResponse<byte[]> response = get(broken, "/app.js", "Accept-Encoding", "gzip");
            assertEquals(200, response.statusCode());
            assertTrue(response.headers().firstValue("Content-Encoding").isEmpty());
            assertArrayEquals(script, response.body());
        }
        String errors = Files.readString(other.resolve("logs/error.log"));
        assertTrue(errors.contains("could not gzip " + other.resolve("site/html/app.js")), errors);
    }

    private static Optional<String> encoding(RunningServer server, String path) throws Exception {
        return get(server, path, "Accept-Encoding", "gzip").headers().firstValue("Content-Encoding");
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElseThrow(() -> new AssertionError("no " + name + " in "
                + response.headers().map()));
    }
}
