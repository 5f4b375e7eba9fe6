package dev.wsproxy.server.platform;

import java.nio.channels.SelectionKey;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A selector's set of selected keys whose iteration and clearing cost what it holds now, not the most it ever held.
 * The JDK's own is a {@link java.util.HashSet}: once a burst has selected a thousand keys at once, its table stays
 * that large, and every later select walks and wipes the whole table even when it selected two keys. This one
 * keeps the keys in the order they came, plus an open-addressing identity table for {@code contains}, whose used
 * slots clearing empties one by one; adding a key allocates nothing.
 */
final class SelectedKeySet extends AbstractSet<SelectionKey> {

    private SelectionKey[] order = new SelectionKey[16];
    private int[] slotOf = new int[16];
    private SelectionKey[] table = new SelectionKey[32];
    private int size;

    @Override
    public boolean add(SelectionKey key) {
        int slot = slotFor(key);
        if (table[slot] != null) {
            return false;
        }
        if (size == order.length) {
            grow();
            slot = slotFor(key);
        }
        table[slot] = key;
        order[size] = key;
        slotOf[size] = slot;
        size++;
        return true;
    }

    @Override
    public boolean contains(Object key) {
        return key instanceof SelectionKey selectionKey && table[slotFor(selectionKey)] != null;
    }

    @Override
    public boolean remove(Object key) {
        if (!contains(key)) {
            return false;
        }
        for (int i = 0; i < size; i++) {
            if (order[i] == key) {
                removeAt(i);
                break;
            }
        }
        return true;
    }

    @Override
    public void clear() {
        for (int i = 0; i < size; i++) {
            table[slotOf[i]] = null;
            order[i] = null;
        }
        size = 0;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Iterator<SelectionKey> iterator() {
        return new Iterator<>() {
            private int next;
            private boolean removable;

            @Override
            public boolean hasNext() {
                return next < size;
            }

            @Override
            public SelectionKey next() {
                if (next >= size) {
                    throw new NoSuchElementException();
                }
                removable = true;
                return order[next++];
            }

            @Override
            public void remove() {
                if (!removable) {
                    throw new IllegalStateException();
                }
                removable = false;
                next--;
                removeAt(next);
            }
        };
    }

    /** The slot that holds {@code key}, or the empty one where it would go (linear probing, by identity). */
    private int slotFor(SelectionKey key) {
        int mask = table.length - 1;
        int slot = System.identityHashCode(key) & mask;
        while (table[slot] != null && table[slot] != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    /**
     * The last key takes the removed one's place, so that an iterator standing there visits it next. Taking one
     * key out of a probing table would break the chains through its slot, so the table is rebuilt: removal is
     * rare (a key cancelled while selected), clearing is not.
     */
    private void removeAt(int index) {
        size--;
        order[index] = order[size];
        order[size] = null;
        Arrays.fill(table, null);
        refill();
    }

    private void grow() {
        order = Arrays.copyOf(order, order.length * 2);
        slotOf = Arrays.copyOf(slotOf, order.length);
        table = new SelectionKey[order.length * 2];
        refill();
    }

    /** Puts the keys held into the empty table, which has twice as many slots as keys can be held. */
    private void refill() {
        for (int i = 0; i < size; i++) {
            int slot = slotFor(order[i]);
            table[slot] = order[i];
            slotOf[i] = slot;
        }
    }
}
