package dev.wsproxy.server.proxy;

import dev.wsproxy.server.proxy.ResponseHead.MalformedHead;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Finds the complete body of a non-101 backend response in the bytes read so far, whatever its framing. */
final class ResponseBody {

    private ResponseBody() {
    }

    /**
     * @param bytes the response as read so far, head included, valid up to {@code end}
     * @param eof   whether the backend has closed its side
     * @return the body (de-chunked), or null when more bytes are needed
     */
    static byte[] complete(ResponseHead head, byte[] bytes, int end, boolean eof) throws MalformedHead {
        long length = head.contentLength();
        int start = head.length();
        if (length >= 0) {
            if (end - start >= length) {
                return Arrays.copyOfRange(bytes, start, start + (int) length);
            }
        } else if (head.isChunked()) {
            byte[] body = dechunk(bytes, start, end);
            if (body != null) {
                return body;
            }
        } else if (eof) {
            return Arrays.copyOfRange(bytes, start, end);
        }
        if (eof) {
            throw new MalformedHead("the backend closed the connection before the end of its response body");
        }
        return null;
    }

    private static byte[] dechunk(byte[] bytes, int start, int end) throws MalformedHead {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int pos = start;
        while (true) {
            int lineEnd = indexOfCrlf(bytes, pos, end);
            if (lineEnd < 0) {
                return null;
            }
            String sizeText = new String(bytes, pos, lineEnd - pos, StandardCharsets.ISO_8859_1);
            int semicolon = sizeText.indexOf(';');
            int size;
            try {
                size = Integer.parseInt((semicolon < 0 ? sizeText : sizeText.substring(0, semicolon)).trim(), 16);
            } catch (NumberFormatException e) {
                throw new MalformedHead("bad chunk size in the backend's response body");
            }
            pos = lineEnd + 2;
            if (size == 0) {
                // trailers end with a blank line
                while (true) {
                    int trailerEnd = indexOfCrlf(bytes, pos, end);
                    if (trailerEnd < 0) {
                        return null;
                    }
                    if (trailerEnd == pos) {
                        return body.toByteArray();
                    }
                    pos = trailerEnd + 2;
                }
            }
            if (end - pos < size + 2) {
                return null;
            }
            body.write(bytes, pos, size);
            pos += size + 2;
        }
    }

    private static int indexOfCrlf(byte[] bytes, int from, int end) {
        for (int i = from; i + 1 < end; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
