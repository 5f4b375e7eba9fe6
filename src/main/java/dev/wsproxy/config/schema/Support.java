package dev.wsproxy.config.schema;

import java.util.List;

/**
 * What wsproxy does with one directive of the table in one scope, and when lint reports the difference.
 *
 * @param status   acted on, accepted with no effect, or not supported
 * @param trigger  when a not-supported directive is reported (always {@link Trigger.Never} otherwise)
 * @param exposure whether the difference lets wsproxy serve what OLS would refuse (an error, not a warning)
 * @param note     what OLS does with it and what wsproxy does, for the support table and the diagnostic
 */
public record Support(Status status, Trigger trigger, Exposure exposure, String note) {

    /** How far wsproxy follows a directive. */
    public enum Status {
        ACTED_ON("acted on"),
        /** OLS's own result is the same, e.g. a tuning knob of a process wsproxy does not start */
        NO_EFFECT("accepted, no effect"),
        /** OLS would behave differently */
        NOT_SUPPORTED("not supported");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Whether ignoring the directive exposes content that OLS would refuse to serve. */
    public enum Exposure {
        NONE,
        ALWAYS
    }

    /** When lint reports a not-supported directive. */
    public sealed interface Trigger {

        /** An entry reported when it has a value and that value is none of {@code quiet}. */
        record Value(List<String> quiet) implements Trigger {
            public Value {
                quiet = List.copyOf(quiet);
            }

            /** The value OLS uses when the directive is absent (empty when it has none). */
            public String olsDefault() {
                return quiet.isEmpty() ? "" : quiet.get(0);
            }
        }

        /** A block reported when its switch {@code key}, or the switch's default, is anything but {@code off}. */
        record Switch(String key, String off, String byDefault) implements Trigger {
        }

        /** Never reported on its own: it belongs to another directive, or differs on every config (see the note). */
        record Never() implements Trigger {
        }
    }

    /** Whether lint may ever report it. */
    public boolean reportable() {
        return status == Status.NOT_SUPPORTED && !(trigger instanceof Trigger.Never);
    }
}
