package dev.wsproxy.server.pipeline;

import dev.wsproxy.server.exchange.Step;
import io.undertow.server.HttpHandler;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Handlers built from stages listed in {@link Step} order, each wrapping the ones after it. */
final class StepChain {

    private final Map<Step, HttpHandler> entries;

    private StepChain(Map<Step, HttpHandler> entries) {
        this.entries = entries;
    }

    /** @throws IllegalArgumentException when the stages are not in the order of {@link Step} */
    static StepChain of(Stage... stages) {
        List<Stage> list = List.of(stages);
        for (int i = 1; i < list.size(); i++) {
            if (list.get(i).step().compareTo(list.get(i - 1).step()) <= 0) {
                throw new IllegalArgumentException("step " + list.get(i).step().text() + " comes after "
                        + list.get(i - 1).step().text() + " in a request, not before");
            }
        }
        Map<Step, HttpHandler> entries = new EnumMap<>(Step.class);
        HttpHandler next = null;
        for (int i = list.size() - 1; i >= 0; i--) {
            next = list.get(i).wrap().apply(next);
            entries.put(list.get(i).step(), next);
        }
        return new StepChain(entries);
    }

    /** The handler a request enters by. */
    HttpHandler entry() {
        return entries.values().iterator().next();
    }

    /** The handler a request enters by at {@code step}. */
    HttpHandler at(Step step) {
        return entries.get(step);
    }
}
