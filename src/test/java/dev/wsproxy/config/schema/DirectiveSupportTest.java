package dev.wsproxy.config.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wsproxy.config.schema.Support.Trigger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every directive of the table has exactly one support status, and every status names a directive of the table. */
class DirectiveSupportTest {
    private final DirectiveTable table = DirectiveTable.ols();
    private final DirectiveSupport support = DirectiveSupport.current();

    @Test
    void everyTableEntryHasAStatus() {
        List<String> missing = new ArrayList<>();
        for (Scope scope : Scope.values()) {
            for (DirectiveSpec spec : table.in(scope)) {
                if (support.find(scope, spec.name()).isEmpty()) {
                    missing.add(scope + " " + spec.name());
                }
            }
        }
        assertEquals(List.of(), missing, "directives without a support status");
    }

    @Test
    void everyStatusNamesATableEntry() {
        List<String> unknown = new ArrayList<>();
        for (Scope scope : Scope.values()) {
            for (String name : support.names(scope)) {
                if (table.find(scope, name).isEmpty()) {
                    unknown.add(scope + " " + name);
                }
            }
        }
        assertEquals(List.of(), unknown, "support statuses for directives the table does not have there");
    }

    @Test
    void switchesAreBlocksWhoseBodyHasTheSwitch() {
        List<String> wrong = new ArrayList<>();
        for (Scope scope : Scope.values()) {
            for (DirectiveSpec spec : table.in(scope)) {
                Support s = support.find(scope, spec.name()).orElseThrow();
                if (s.trigger() instanceof Trigger.Switch sw && (spec.body().isEmpty()
                        || table.find(spec.body().get(), sw.key()).isEmpty())) {
                    wrong.add(scope + " " + spec.name() + " switch " + sw.key());
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void onlyNotSupportedDirectivesAreReported() {
        List<String> wrong = new ArrayList<>();
        for (Scope scope : Scope.values()) {
            for (String name : support.names(scope)) {
                Support s = support.find(scope, name).orElseThrow();
                if (s.status() != Support.Status.NOT_SUPPORTED && !(s.trigger() instanceof Trigger.Never)
                        || s.status() != Support.Status.ACTED_ON && s.note().isBlank()) {
                    wrong.add(scope + " " + name);
                }
            }
        }
        assertEquals(List.of(), wrong, "a trigger on a supported directive, or a difference without a note");
    }
}
