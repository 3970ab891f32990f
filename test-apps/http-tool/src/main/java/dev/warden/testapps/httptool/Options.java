package dev.warden.testapps.httptool;

/**
 * A client step {@code client|METHOD|URL[|body=TEXT][|baggage=VALUE][|proxy=PORT][|twice][|closed-pool]};
 * {@code twice} sends the same request object in two calls; {@code closed-pool} closes the
 * connection manager of a running minimal async client before the request (its lease then fails at once).
 */
final class Options {
    final String client;
    final String method;
    final String url;
    String body;
    String baggage;
    int proxyPort = -1;
    boolean twice;
    boolean closedPool;

    Options(String[] s) {
        client = s[0];
        method = s[1];
        url = s[2];
        for (int i = 3; i < s.length; i++) {
            String o = s[i];
            if (o.startsWith("body=")) {
                body = o.substring(5);
            } else if (o.startsWith("baggage=")) {
                baggage = o.substring(8);
            } else if (o.startsWith("proxy=")) {
                proxyPort = Integer.parseInt(o.substring(6));
            } else if (o.equals("twice")) {
                twice = true;
            } else if (o.equals("closed-pool")) {
                closedPool = true;
            } else {
                throw new IllegalArgumentException("unknown option " + o);
            }
        }
    }

    static String firstLine(String body) {
        int nl = body.indexOf('\n');
        return (nl < 0 ? body : body.substring(0, nl)).trim();
    }
}
