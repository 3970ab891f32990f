package dev.warden.agent.http.apache5;

import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.method.ParameterList;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The body of the {@code RequestChannel} lambda that the minimal async clients' {@code execute}
 * hands to the exchange handler's {@code produceRequest}: the synthetic method javac makes of it,
 * recognised by what it takes, not by its generated name ({@code lambda$execute$2} in 5.6, another
 * number elsewhere). The lambda's own parameters come last — {@code (HttpRequest, EntityDetails,
 * HttpContext)}, {@code RequestChannel.sendRequest}'s — after what it captures, among which the
 * application's {@code AsyncClientExchangeHandler}, where the response and any failure arrive.
 */
final class RequestChannelBody extends ElementMatcher.Junction.AbstractBase<MethodDescription> {

    static final RequestChannelBody INSTANCE = new RequestChannelBody();

    private static final String[] CHANNEL_ARGUMENTS = {"org.apache.hc.core5.http.HttpRequest",
            "org.apache.hc.core5.http.EntityDetails", "org.apache.hc.core5.http.protocol.HttpContext"};
    private static final String HANDLER = "org.apache.hc.core5.http.nio.AsyncClientExchangeHandler";

    private RequestChannelBody() {}

    @Override
    public boolean matches(MethodDescription method) {
        ParameterList<?> parameters = method.getParameters();
        int first = parameters.size() - CHANNEL_ARGUMENTS.length;
        if (first < 1) {
            return false;
        }
        for (int i = 0; i < CHANNEL_ARGUMENTS.length; i++) {
            if (!parameters.get(first + i).getType().asErasure().getName().equals(CHANNEL_ARGUMENTS[i])) {
                return false;
            }
        }
        for (int i = 0; i < first; i++) {
            if (parameters.get(i).getType().asErasure().getName().equals(HANDLER)) {
                return true;
            }
        }
        return false;
    }
}
