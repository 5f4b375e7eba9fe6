package dev.wsproxy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SIGUSR2 is taken only where HotSpot's suspend signal was moved off it, as HotSpot reads {@code _JAVA_SR_SIGNUM}. */
class ServeSignalsTest {

    @ParameterizedTest
    @CsvSource({"40, true", "13, true", "64, true", "' 40 ', true", "12, false", "11, false", "65, false", "0, false",
                "USR1, false", "'', false"})
    void usr2IsFreeOnlyWhenTheSuspendSignalIsAnotherValidOne(String value, boolean free) {
        assertEquals(free, ServeSignals.usr2IsFree(Optional.of(value)));
    }

    @Test
    void usr2IsTheJvmsWhenNothingMovedIt() {
        assertFalse(ServeSignals.usr2IsFree(Optional.empty()));
    }
}
