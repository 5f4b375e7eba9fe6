package dev.wsproxy.server.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Frame boundaries found from headers alone, however the bytes of a stream are cut into reads. */
class FrameTrackerTest {

    /** A frame of {@code payload} bytes, masked or not; its payload length takes 7, 16 or 64 bits as it needs. */
    private static byte[] frame(int opcode, int payload, boolean masked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x80 | opcode);
        int maskBit = masked ? 0x80 : 0;
        if (payload < 126) {
            out.write(maskBit | payload);
        } else if (payload < 65536) {
            out.write(maskBit | 126);
            out.write(payload >> 8);
            out.write(payload);
        } else {
            out.write(maskBit | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.write((int) ((long) payload >> shift));
            }
        }
        if (masked) {
            out.writeBytes(new byte[] {0x12, 0x34, 0x56, 0x78});
        }
        // payload bytes that look like headers, so that a tracker that reads them goes wrong
        byte[] body = new byte[payload];
        Arrays.fill(body, (byte) 0x88);
        out.writeBytes(body);
        return out.toByteArray();
    }

    @Test
    void findsEveryFrameEndWhereverTheReadsCutTheStream() {
        List<byte[]> frames = List.of(frame(0x1, 5, true), frame(0x2, 0, false), frame(0x2, 300, true),
                frame(0x9, 125, false), frame(0x2, 70_000, false), frame(0x1, 126, true));
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        List<Integer> ends = new ArrayList<>();
        for (byte[] frame : frames) {
            stream.writeBytes(frame);
            ends.add(stream.size());
        }
        byte[] bytes = stream.toByteArray();
        for (int cut : new int[] {1, 2, 3, 7, 64, 1000, bytes.length}) {
            FrameTracker tracker = new FrameTracker();
            List<Integer> readsEndingAFrame = new ArrayList<>();
            for (int from = 0; from < bytes.length; from += cut) {
                int to = Math.min(from + cut, bytes.length);
                tracker.pass(ByteBuffer.wrap(bytes, from, to - from));
                if (tracker.atBoundary()) {
                    readsEndingAFrame.add(to);
                }
            }
            int step = cut;
            assertEquals(ends.stream().filter(end -> end % step == 0 || end == bytes.length).toList(),
                    readsEndingAFrame, "reads of " + cut + " bytes");
            assertFalse(tracker.closeSeen());
        }
    }

    @Test
    void untilBoundaryStopsWhereTheFrameUnderWayEnds() {
        byte[] first = frame(0x2, 300, true);
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.writeBytes(first);
        stream.writeBytes(frame(0x1, 20, true));
        byte[] bytes = stream.toByteArray();
        FrameTracker tracker = new FrameTracker();
        tracker.pass(ByteBuffer.wrap(bytes, 0, 3));
        assertEquals(-1, tracker.untilBoundary(ByteBuffer.wrap(bytes), 3, 100), "the frame goes on past this read");
        assertEquals(first.length, tracker.untilBoundary(ByteBuffer.wrap(bytes), 100, bytes.length));
        assertEquals(first.length, tracker.untilBoundary(ByteBuffer.wrap(bytes), first.length, bytes.length),
                "at a boundary already");
    }

    @Test
    void passLeavesTheBufferAsItWasAndNotesACloseFrame() {
        FrameTracker tracker = new FrameTracker();
        ByteBuffer stream = ByteBuffer.wrap(frame(0x1, 10, true));
        tracker.pass(stream);
        assertEquals(0, stream.position());
        assertTrue(tracker.atBoundary());
        assertFalse(tracker.closeSeen());
        ByteBuffer close = CloseFrames.goingAwayToBackend();
        tracker.pass(close.duplicate().limit(3));
        assertFalse(tracker.atBoundary(), "inside the close frame's header");
        tracker.pass(close.duplicate().position(3));
        assertTrue(tracker.atBoundary());
        assertTrue(tracker.closeSeen());
    }

    @Test
    void theGoingAwayFramesCarryCode1001MaskedOnlyTowardsTheBackend() {
        ByteBuffer toClient = CloseFrames.goingAwayToClient();
        assertEquals(List.of(0x88, 2, 0x03, 0xE9), unsigned(toClient));
        List<Integer> toBackend = unsigned(CloseFrames.goingAwayToBackend());
        assertEquals(8, toBackend.size());
        assertEquals(0x88, toBackend.get(0));
        assertEquals(0x82, toBackend.get(1), "masked, two payload bytes");
        assertEquals(1001, ((toBackend.get(6) ^ toBackend.get(2)) << 8) | (toBackend.get(7) ^ toBackend.get(3)));
    }

    private static List<Integer> unsigned(ByteBuffer buffer) {
        List<Integer> bytes = new ArrayList<>();
        while (buffer.hasRemaining()) {
            bytes.add(buffer.get() & 0xFF);
        }
        return bytes;
    }
}
