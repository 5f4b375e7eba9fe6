package dev.wsproxy.tls;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The few pieces of ASN.1 DER that turning a PKCS#1 or SEC1 key into PKCS#8 needs: writing definite-length
 * elements, and splitting a SEQUENCE into its elements.
 */
final class Der {
    static final int INTEGER = 0x02;
    static final int OCTET_STRING = 0x04;
    static final int NULL = 0x05;
    static final int OID = 0x06;
    static final int SEQUENCE = 0x30;

    private Der() {
    }

    /** One element: its tag byte and its contents, plus the whole encoding (tag, length, contents). */
    record Element(int tag, byte[] contents, byte[] encoded) {
    }

    static byte[] element(int tag, byte[]... parts) {
        ByteArrayOutputStream contents = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            contents.writeBytes(part);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        writeLength(out, contents.size());
        out.writeBytes(contents.toByteArray());
        return out.toByteArray();
    }

    static byte[] sequence(byte[]... elements) {
        return element(SEQUENCE, elements);
    }

    /** A small non-negative INTEGER such as a version number. */
    static byte[] smallInteger(int value) {
        return element(INTEGER, new byte[] {(byte) value});
    }

    /** The elements of a SEQUENCE given as its whole encoding. */
    static List<Element> sequenceElements(byte[] encoded) {
        Element outer = read(encoded, 0);
        if (outer.tag() != SEQUENCE) {
            throw new IllegalArgumentException("not a DER SEQUENCE");
        }
        List<Element> elements = new ArrayList<>();
        byte[] body = outer.contents();
        for (int at = 0; at < body.length; ) {
            Element next = read(body, at);
            elements.add(next);
            at += next.encoded().length;
        }
        return elements;
    }

    private static Element read(byte[] data, int start) {
        if (start + 2 > data.length) {
            throw new IllegalArgumentException("truncated DER element");
        }
        int at = start;
        int tag = data[at++] & 0xff;
        int length = data[at++] & 0xff;
        if (length > 0x7f) {
            int lengthBytes = length & 0x7f;
            if (lengthBytes == 0 || lengthBytes > 3) {
                throw new IllegalArgumentException("unsupported DER length");
            }
            if (at + lengthBytes > data.length) {
                throw new IllegalArgumentException("truncated DER element");
            }
            length = 0;
            for (int i = 0; i < lengthBytes; i++) {
                length = (length << 8) | (data[at++] & 0xff);
            }
        }
        if (at + length > data.length) {
            throw new IllegalArgumentException("truncated DER element");
        }
        return new Element(tag, Arrays.copyOfRange(data, at, at + length), Arrays.copyOfRange(data, start, at + length));
    }

    private static void writeLength(ByteArrayOutputStream out, int length) {
        if (length < 0x80) {
            out.write(length);
            return;
        }
        int bytes = length > 0xffff ? 3 : length > 0xff ? 2 : 1;
        out.write(0x80 | bytes);
        for (int shift = (bytes - 1) * 8; shift >= 0; shift -= 8) {
            out.write(length >>> shift);
        }
    }
}
