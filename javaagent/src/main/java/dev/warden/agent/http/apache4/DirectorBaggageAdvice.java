package dev.warden.agent.http.apache4;

import dev.warden.bootstrap.Gate;
import net.bytebuddy.asm.Advice;
import org.apache.http.Header;
import org.apache.http.impl.client.RequestWrapper;
import org.apache.http.impl.client.RoutedRequest;

/**
 * {@code DefaultRequestDirector.tryExecute(hop, context)}: the hop's request as it goes on the wire
 * (its headers were reset from the application's and processed just before), where the
 * {@code baggage} header is merged when {@code warden.propagate} is on.
 */
final class DirectorBaggageAdvice {

    private DirectorBaggageAdvice() {}

    @Advice.OnMethodEnter
    static void enter(@Advice.Argument(0) Object hop) {
        if (Gate.propagating()) {
            RequestWrapper request = ((RoutedRequest) hop).getRequest();
            StringBuilder existing = new StringBuilder();
            Header[] headers = request.getHeaders("baggage");
            for (int i = 0; i < headers.length; i++) {
                existing.append(existing.length() == 0 ? "" : ",").append(headers[i].getValue());
            }
            String merged = Gate.baggage(existing.length() == 0 ? null : existing.toString());
            if (merged != null) {
                // setHeader would replace the first line only: an application's second baggage line stayed beside the merged one
                request.removeHeaders("baggage");
                request.addHeader("baggage", merged);
            }
        }
    }
}
