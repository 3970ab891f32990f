package dev.warden.agent.governor;

import static dev.warden.agent.governor.RecordingCallback.CANCELLED;
import static dev.warden.agent.governor.RecordingCallback.DONE;
import static dev.warden.agent.governor.RecordingCallback.FAILED;
import static dev.warden.agent.governor.RecordingCallback.LAST_RESPONSE;
import static dev.warden.agent.governor.RecordingCallback.NOTHING;
import static dev.warden.agent.governor.RecordingCallback.RESPONSE;
import static dev.warden.agent.governor.RecordingCallback.meaning;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which calls of Apache HttpClient 5's callbacks end a request's record, by the interfaces' method names. */
class RecordingCallbackTest {

    private final Object response = new Object();
    private final Object entity = new Object();
    private final Object context = new Object();

    @Test
    void asyncExecCallback() {
        assertEquals(RESPONSE, meaning("handleResponse", new Object[] {response, entity}));
        assertEquals(NOTHING, meaning("handleInformationResponse", new Object[] {response}));
        assertEquals(DONE, meaning("completed", null));
        assertEquals(FAILED, meaning("failed", new Object[] {new IOException("x")}));
    }

    @Test
    void exchangeHandlerOfTheMinimalClients() {
        assertEquals(RESPONSE, meaning("consumeResponse", new Object[] {response, entity, context}));
        assertEquals(LAST_RESPONSE, meaning("consumeResponse", new Object[] {response, null, context}), "no entity: nothing follows");
        assertEquals(NOTHING, meaning("consumeInformation", new Object[] {response, context}));
        assertEquals(DONE, meaning("streamEnd", new Object[] {List.of()}));
        assertEquals(DONE, meaning("streamEnd", new Object[] {null}));
        assertEquals(FAILED, meaning("failed", new Object[] {new IOException("x")}));
        assertEquals(CANCELLED, meaning("cancel", null));
        assertEquals(DONE, meaning("releaseResources", null), "the end of every exchange");
        for (String body : List.of("produce", "consume", "available", "updateCapacity", "produceRequest")) {
            assertEquals(NOTHING, meaning(body, new Object[] {ByteBuffer.allocate(1)}), body);
        }
    }

    @Test
    void objectMethodsMeanNothing() {
        assertEquals(NOTHING, meaning("hashCode", null));
        assertEquals(NOTHING, meaning("equals", new Object[] {response}));
        assertEquals(NOTHING, meaning("toString", null));
        assertEquals(NOTHING, meaning("failed", new Object[] {"not a throwable"}));
    }

    @Test
    void theRecordingBehindAWrappedCallbackIsFoundAndNoOther() {
        Object wrapped = RecordingCallback.wrap((Runnable) () -> {}, Runnable.class, new DetachedCall(null), null);
        assertSame(Proxy.getInvocationHandler(wrapped), RecordingCallback.of(wrapped));
        assertNull(RecordingCallback.of(Proxy.newProxyInstance(null, new Class<?>[] {Runnable.class}, (p, m, a) -> null)));
        assertNull(RecordingCallback.of((Runnable) () -> {}));
        assertNull(RecordingCallback.of(null));
    }
}
