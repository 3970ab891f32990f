package dev.warden.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WardenSessionTest {

    @AfterEach
    void uninstall() {
        Gate.install(null);
    }

    @Test
    void withoutAnAgentAScopeDoesNothing() {
        Gate.install(null);
        try (WardenSession s = WardenSession.open("conversation-1")) {
            assertNull(s.id());
        }
    }

    @Test
    void underAGovernorScopesNestAndRestoreWhatWasCurrent() {
        List<String> calls = new ArrayList<>();
        Gate.install(new Governor() {
            @Override
            public long enterFile(int op, Object path, Object other, Object extra, int api) {
                return NOT_GOVERNED;
            }

            @Override
            public void exit(long token, Throwable thrown) {}

            @Override
            public Object enterSession(String id) {
                calls.add("enter " + id);
                return "before-" + id;
            }

            @Override
            public void exitSession(Object previous) {
                calls.add("exit to " + previous);
            }
        });
        try (WardenSession outer = WardenSession.open("a")) {
            try (WardenSession inner = WardenSession.open("b")) {
                assertEquals("b", inner.id());
                inner.close(); // closing twice restores once
            }
            assertEquals("a", outer.id());
        }
        assertEquals(List.of("enter a", "enter b", "exit to before-b", "exit to before-a"), calls);
    }

    @Test
    void badIdsAreRefusedAlsoWithoutAnAgent() {
        assertThrows(IllegalArgumentException.class, () -> WardenSession.open(null));
        assertThrows(IllegalArgumentException.class, () -> WardenSession.open("  "));
        assertThrows(IllegalArgumentException.class, () -> WardenSession.open("a\nb"));
        assertThrows(IllegalArgumentException.class, () -> WardenSession.open("x".repeat(WardenSession.MAX_ID_LENGTH + 1)));
    }
}
