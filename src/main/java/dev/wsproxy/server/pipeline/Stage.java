package dev.wsproxy.server.pipeline;

import dev.wsproxy.server.exchange.Step;
import io.undertow.server.HttpHandler;
import java.util.function.UnaryOperator;

/** One step of the pipeline and how its handler wraps the steps after it ({@code next} itself when it has nothing to do). */
record Stage(Step step, UnaryOperator<HttpHandler> wrap) {

    /** The step that ends a chain. */
    static Stage last(Step step, HttpHandler handler) {
        return new Stage(step, next -> handler);
    }
}
