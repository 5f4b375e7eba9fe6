package dev.wsproxy.server.nio;

import java.nio.channels.SelectionKey;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A selector's set of selected keys whose iteration and clearing cost what it holds now, not the most it ever held.
 * The JDK's own is a {@link HashSet}: once a burst has selected a thousand keys at once, its table stays that large,
 * and every later select walks and wipes the whole table even when it selected two keys.
 */
final class SelectedKeySet extends AbstractSet<SelectionKey> {

    private final Set<SelectionKey> members = new HashSet<>();
    private SelectionKey[] order = new SelectionKey[16];
    private int size;

    @Override
    public boolean add(SelectionKey key) {
        if (!members.add(key)) {
            return false;
        }
        if (size == order.length) {
            order = Arrays.copyOf(order, size * 2);
        }
        order[size++] = key;
        return true;
    }

    @Override
    public boolean contains(Object key) {
        return members.contains(key);
    }

    @Override
    public boolean remove(Object key) {
        if (!members.remove(key)) {
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
            members.remove(order[i]);
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
                members.remove(order[next]);
                removeAt(next);
            }
        };
    }

    /** The last key takes the removed one's place, so that an iterator standing there visits it next. */
    private void removeAt(int index) {
        size--;
        order[index] = order[size];
        order[size] = null;
    }
}
