package dev.wsproxy.server.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.Pipe;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The selected-key set behaves as a set, whatever it held before; keys come from a real selector and pipes. */
class SelectedKeySetTest {

    private Selector selector;
    private final List<Pipe> pipes = new ArrayList<>();
    private final List<SelectionKey> keys = new ArrayList<>();

    @BeforeEach
    void registerPipes() throws IOException {
        selector = Selector.open();
        for (int i = 0; i < 40; i++) {
            Pipe pipe = Pipe.open();
            pipe.source().configureBlocking(false);
            pipes.add(pipe);
            keys.add(pipe.source().register(selector, SelectionKey.OP_READ));
        }
    }

    @AfterEach
    void closeAll() throws IOException {
        for (Pipe pipe : pipes) {
            pipe.source().close();
            pipe.sink().close();
        }
        selector.close();
    }

    @Test
    void addsEachKeyOnceAndAnswersContains() {
        SelectedKeySet set = new SelectedKeySet();
        assertTrue(set.add(keys.get(0)));
        assertTrue(set.add(keys.get(1)));
        assertFalse(set.add(keys.get(0)));
        assertEquals(2, set.size());
        assertTrue(set.contains(keys.get(1)));
        assertFalse(set.contains(keys.get(2)));
        assertEquals(Set.of(keys.get(0), keys.get(1)), new HashSet<>(set));
    }

    @Test
    void afterClearingABurstHoldsAndVisitsOnlyWhatIsAddedNext() {
        SelectedKeySet set = new SelectedKeySet();
        set.addAll(keys);
        set.clear();
        assertEquals(0, set.size());
        assertFalse(set.iterator().hasNext());
        assertFalse(set.contains(keys.get(7)));
        set.add(keys.get(7));
        set.add(keys.get(3));
        assertEquals(List.of(keys.get(7), keys.get(3)), new ArrayList<>(set));
        SelectionKey[] taken = set.toArray(new SelectionKey[64]);
        assertEquals(keys.get(7), taken[0]);
        assertEquals(keys.get(3), taken[1]);
        assertNull(taken[2], "XNIO reads the keys up to the first null");
    }

    @Test
    void iteratorRemovalVisitsEveryOtherKeyExactlyOnce() {
        SelectedKeySet set = new SelectedKeySet();
        set.addAll(keys);
        List<SelectionKey> visited = new ArrayList<>();
        Iterator<SelectionKey> it = set.iterator();
        while (it.hasNext()) {
            SelectionKey key = it.next();
            visited.add(key);
            if (keys.indexOf(key) % 2 == 0) {
                it.remove();
            }
        }
        assertEquals(new HashSet<>(keys), new HashSet<>(visited));
        assertEquals(keys.size(), visited.size());
        assertEquals(keys.size() / 2, set.size());
        for (SelectionKey key : keys) {
            assertEquals(keys.indexOf(key) % 2 != 0, set.contains(key));
        }
        assertThrows(IllegalStateException.class, it::remove);
    }

    @Test
    void removesAKeyByValue() {
        SelectedKeySet set = new SelectedKeySet();
        set.addAll(keys.subList(0, 5));
        assertTrue(set.remove(keys.get(2)));
        assertFalse(set.remove(keys.get(2)));
        assertEquals(new HashSet<>(List.of(keys.get(0), keys.get(1), keys.get(3), keys.get(4))), new HashSet<>(set));
    }
}
