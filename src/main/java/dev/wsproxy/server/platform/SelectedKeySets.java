package dev.wsproxy.server.platform;

import java.lang.reflect.Field;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.xnio.XnioIoThread;
import org.xnio.XnioWorker;
import org.xnio.nio.ForeignSocketChannels;

/**
 * Gives the selectors of an XNIO worker's I/O threads a {@link SelectedKeySet}. With the JDK's own set, a proxy
 * that once had a thousand connections ready at the same moment spent 13% of its CPU, from then on, walking that
 * set's emptied table after every select (perf, paced 2,000-tunnel benchmark). There is no public way to choose a
 * selector's set, so this writes the JDK's private fields; it needs {@code java.base/sun.nio.ch} opened, as the
 * jar's manifest does. Where that is not possible the selectors keep the JDK's set, which works, only slower.
 */
public final class SelectedKeySets {

    private static final Optional<Fields> FIELDS = Fields.resolve();

    private SelectedKeySets() {
    }

    /**
     * Replaces the set of every I/O thread's selector, on that thread, between two of its selects.
     *
     * @return whether every selector now has one
     */
    public static boolean install(XnioWorker worker) {
        if (FIELDS.isEmpty()) {
            return false;
        }
        boolean all = true;
        for (int i = 0; i < worker.getIoThreadCount(); i++) {
            all &= installOn(worker.getIoThread(i), FIELDS.get());
        }
        return all;
    }

    private static boolean installOn(XnioIoThread thread, Fields fields) {
        Optional<Selector> selector = ForeignSocketChannels.selectorOf(thread);
        if (selector.isEmpty()) {
            return false;
        }
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        thread.execute(() -> done.complete(fields.replace(selector.get())));
        try {
            return done.get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    /** The JDK selector's two fields that hold the selected keys: the set it fills, and the view it hands out. */
    private record Fields(Field selectedKeys, Field publicSelectedKeys) {

        static Optional<Fields> resolve() {
            try {
                Class<?> selectorImpl = Class.forName("sun.nio.ch.SelectorImpl");
                Field selectedKeys = selectorImpl.getDeclaredField("selectedKeys");
                Field publicSelectedKeys = selectorImpl.getDeclaredField("publicSelectedKeys");
                selectedKeys.setAccessible(true);
                publicSelectedKeys.setAccessible(true);
                return Optional.of(new Fields(selectedKeys, publicSelectedKeys));
            } catch (ReflectiveOperationException | RuntimeException e) {
                // not the JDK's selector, or sun.nio.ch is closed to us: keep the JDK's sets
                return Optional.empty();
            }
        }

        /**
         * Runs on the selector's own thread, outside select: the JDK reads both fields only inside select, and
         * synchronizes on the public one there. The public view is the set itself, so the keys XNIO takes out
         * and clears are the ones the selector put in.
         */
        @SuppressWarnings("unchecked")
        boolean replace(Selector selector) {
            try {
                SelectedKeySet keys = new SelectedKeySet();
                keys.addAll((Set<SelectionKey>) selectedKeys.get(selector));
                selectedKeys.set(selector, keys);
                publicSelectedKeys.set(selector, keys);
                return true;
            } catch (ReflectiveOperationException | RuntimeException e) {
                // IllegalArgumentException: a selector of another implementation, which keeps its own set
                return false;
            }
        }
    }
}
