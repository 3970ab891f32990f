package dev.warden.agent.governor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BaggageTest {

    private final Identity identity = new Identity("bot", "support");
    private final Baggage baggage = new Baggage(identity);

    @AfterEach
    void processSessionAgain() {
        WardenThreads.STATE.get().session = null;
    }

    @Test
    void theSessionIsTheOneTheThreadActsFor() {
        assertEquals("warden.agent=bot,warden.role=support,warden.session=" + identity.session(), baggage.merge(null));
        WardenThreads.STATE.get().session = new Session("conv 7", true, 0);
        assertEquals("app=1,warden.agent=bot,warden.role=support,warden.session=conv%207", baggage.merge("app=1, warden.session=forged"));
        WardenThreads.STATE.get().session = null;
        assertEquals("app=1,warden.agent=bot,warden.role=support,warden.session=" + identity.session(),
                baggage.merge("app=1, warden.session=forged"), "the cache of the last merge knows whose it was");
    }
}
