package dev.warden.agent.governor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.message.BasicHttpRequest;
import org.junit.jupiter.api.Test;

/** The {@code baggage} header on Apache HttpClient 5's requests, reached through their interfaces as the agent reaches them. */
class BaggageHeadersTest {

    private final Identity identity = new Identity("bot", "support");
    private final Baggage baggage = new Baggage(identity);
    private final String warden = "warden.agent=bot,warden.role=support,warden.session=" + identity.session();

    @Test
    void theApplicationsLinesAreMergedIntoOne() throws Throwable {
        HttpRequest request = new BasicHttpRequest("GET", "/x");
        request.addHeader("baggage", "app=1");
        request.addHeader("Baggage", "other=2, warden.agent=forged");
        BaggageHeaders.into(baggage, request);
        assertEquals(1, request.getHeaders("baggage").length);
        assertEquals("app=1,other=2," + warden, request.getFirstHeader("baggage").getValue());
    }

    @Test
    void aRequestWithoutBaggageGetsWardens() throws Throwable {
        HttpRequest request = SimpleRequestBuilder.get("http://example.test/").build();
        BaggageHeaders.into(baggage, request);
        assertEquals(warden, request.getFirstHeader("baggage").getValue());
    }

    @Test
    void notPropagatingOrNotAMessageChangesNothing() throws Throwable {
        HttpRequest request = new BasicHttpRequest("GET", "/x");
        BaggageHeaders.into(null, request);
        assertEquals(0, request.getHeaders("baggage").length);
        BaggageHeaders.into(baggage, "not a message");
    }
}
