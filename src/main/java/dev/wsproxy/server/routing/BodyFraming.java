package dev.wsproxy.server.routing;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import io.undertow.util.Protocols;
import io.undertow.util.StatusCodes;
import java.util.Optional;

/**
 * The rules on how a request says where its body ends that Undertow's parser does not already enforce, as
 * nginx applies them: a {@code Content-Length} of plain decimal digits that fits a signed 64-bit length (Undertow
 * reads a longer one modulo 2^64), a {@code Transfer-Encoding} only on HTTP/1.1 and exactly {@code chunked}
 * (501 for any other coding, which Undertow would take as chunked or as no body). A request that breaks one
 * could be framed differently by the next hop, so it is refused before any of its body is read.
 */
final class BodyFraming {

    /** Why a request's framing is refused: the status to answer and the reason for the error log. */
    record Refusal(int status, String why) {
    }

    private static final String CHUNKED = "chunked";
    private static final String LONGEST_LENGTH = Long.toString(Long.MAX_VALUE);

    private BodyFraming() {
    }

    static Optional<Refusal> check(HttpServerExchange exchange) {
        HeaderValues lengths = exchange.getRequestHeaders().get(Headers.CONTENT_LENGTH);
        HeaderValues codings = exchange.getRequestHeaders().get(Headers.TRANSFER_ENCODING);
        if (lengths != null && !isPlainLength(lengths.getFirst())) {
            return badRequest("Content-Length `" + lengths.getFirst() + "` is not a decimal length that fits 63 bits");
        }
        return codings == null ? Optional.empty()
                : transferEncodingRefusal(codings.getFirst(), exchange.getProtocol().equals(Protocols.HTTP_1_0));
    }

    private static Optional<Refusal> transferEncodingRefusal(String coding, boolean http10) {
        if (http10) {
            return badRequest("Transfer-Encoding in an HTTP/1.0 request");
        }
        if (!coding.equalsIgnoreCase(CHUNKED)) {
            return Optional.of(new Refusal(StatusCodes.NOT_IMPLEMENTED,
                    "Transfer-Encoding `" + coding + "` is not the one supported coding, chunked"));
        }
        return Optional.empty();
    }

    /**
     * Digits only (no sign, no space, no list) and at most {@link Long#MAX_VALUE}, compared as text: a client can
     * send such a length on every request, and an exception per request would cost a stack trace each time.
     */
    private static boolean isPlainLength(String value) {
        if (value.isEmpty()) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return false;
            }
        }
        int significant = 0;
        while (significant < value.length() - 1 && value.charAt(significant) == '0') {
            significant++;
        }
        String digits = value.substring(significant);
        return digits.length() < LONGEST_LENGTH.length()
                || digits.length() == LONGEST_LENGTH.length() && digits.compareTo(LONGEST_LENGTH) <= 0;
    }

    private static Optional<Refusal> badRequest(String why) {
        return Optional.of(new Refusal(StatusCodes.BAD_REQUEST, why));
    }
}
