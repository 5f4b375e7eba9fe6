package dev.wsproxy.tls;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One {@code -----BEGIN type-----} section of a PEM file: its type, its RFC 1421 headers (such as
 * {@code Proc-Type}) and the DER bytes it carries.
 */
public record PemBlock(String type, Map<String, String> headers, byte[] der) {

    private static final String BEGIN = "-----BEGIN ";
    private static final String END = "-----END ";
    private static final String DASHES = "-----";

    public PemBlock {
        headers = Map.copyOf(headers);
    }

    /** True when the block says it is encrypted, in either the PKCS#8 or the OpenSSL "traditional" way. */
    public boolean isEncrypted() {
        return type.equals("ENCRYPTED PRIVATE KEY")
                || headers.getOrDefault("proc-type", "").toUpperCase(Locale.ROOT).contains("ENCRYPTED");
    }

    /** Every PEM block of a file, in file order; text outside blocks (comments, "Bag Attributes") is skipped. */
    public static List<PemBlock> readAll(Path file) throws KeyMaterialException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new KeyMaterialException(file, KeyMaterialException.Kind.MISSING, "the file does not exist");
        } catch (java.nio.file.AccessDeniedException e) {
            throw new KeyMaterialException(file, KeyMaterialException.Kind.UNREADABLE, "the file is not readable (permission denied)");
        } catch (java.io.IOException e) {
            throw new KeyMaterialException(file, KeyMaterialException.Kind.UNREADABLE, "cannot read the file (" + e.getMessage() + ")");
        }
        return parse(file, text);
    }

    static List<PemBlock> parse(Path file, String text) throws KeyMaterialException {
        List<PemBlock> blocks = new ArrayList<>();
        String[] lines = text.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (!line.startsWith(BEGIN) || !line.endsWith(DASHES)) {
                continue;
            }
            String type = line.substring(BEGIN.length(), line.length() - DASHES.length());
            String endLine = END + type + DASHES;
            Map<String, String> headers = new LinkedHashMap<>();
            StringBuilder base64 = new StringBuilder();
            int j = i + 1;
            for (; j < lines.length && !lines[j].strip().equals(endLine); j++) {
                String body = lines[j].strip();
                int colon = body.indexOf(':');
                if (colon > 0) {
                    headers.put(body.substring(0, colon).strip().toLowerCase(Locale.ROOT), body.substring(colon + 1).strip());
                } else {
                    base64.append(body);
                }
            }
            if (j == lines.length) {
                throw new KeyMaterialException(file, KeyMaterialException.Kind.INVALID, "the PEM block \"" + type + "\" has no \"" + endLine + "\" line");
            }
            blocks.add(new PemBlock(type, headers, decode(file, type, base64.toString())));
            i = j;
        }
        return blocks;
    }

    private static byte[] decode(Path file, String type, String base64) throws KeyMaterialException {
        try {
            return Base64.getMimeDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new KeyMaterialException(file, KeyMaterialException.Kind.INVALID, "the PEM block \"" + type + "\" is not valid base64");
        }
    }
}
