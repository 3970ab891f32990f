package dev.warden.agent.governor;

import dev.warden.policy.Action;
import dev.warden.policy.ConnectTargets;
import dev.warden.policy.Policy;
import dev.warden.policy.Verdict;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URL;
import java.net.UnixDomainSocketAddress;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides HTTP request hops ({@code http.<METHOD>}) and socket connects ({@code net.connect}).
 *
 * <p>An allowed, cached request costs a hash of its URL ({@link HttpTargets}), the policy's cached
 * verdict and the run-time checks; it allocates nothing. A connect is decided by the deny rules
 * always; when no rule matches, a connect that is part of a request Warden allowed (on this
 * thread, or to an endpoint such a request named, see {@link DecidedEndpoints}) is allowed, and
 * any other falls to {@code warden.net.default}.
 */
final class NetworkCalls {

    private static final Logger LOG = LoggerFactory.getLogger(NetworkCalls.class);
    static final long DENIED = -1L;
    static final long GOVERNED = 1L;
    static final String PART_OF_REQUEST = "part of an allowed request";
    static final String DNS_QUERY = "a DNS query to a system resolver";

    private final WardenGovernor governor;
    private final HttpTargets targets = new HttpTargets();
    private final DecidedEndpoints endpoints = new DecidedEndpoints();
    private final SystemResolvers resolvers = new SystemResolvers(java.nio.file.Path.of("/etc/resolv.conf"));
    private final Baggage baggage;

    NetworkCalls(WardenGovernor governor, Identity identity) {
        this.governor = governor;
        this.baggage = new Baggage(identity);
    }

    /** The header to add, or {@code null} while {@code warden.propagate} is off (a reload may turn it on or off). */
    private Baggage baggage() {
        return dev.warden.bootstrap.Gate.propagating() ? baggage : null;
    }

    long decideHttp(ThreadState ts, Object subject, String method, Object url, long bodyBytes) {
        long now = System.nanoTime();
        String raw = url instanceof URI ? url.toString() : url instanceof URL ? ((URL) url).toExternalForm() : String.valueOf(url);
        HttpTargets.Target t = targets.of(raw);
        Action action = Action.http(method);
        CallFrame f = ts.push(Family.HTTP);
        if (f == null || action == null) {
            if (f != null) {
                ts.pop();
            }
            ts.denial = new WardenConnectException(Denials.message("http." + method, t.target,
                    f == null ? "governed calls nested too deep" : "HTTP method " + method + " is not governed by name", "default"));
            return DENIED;
        }
        f.startNanos = now;
        f.path = subject;
        f.url = url;
        f.method = method;
        f.bodyBytes = bodyBytes;
        int i = f.add(action, t.target, null, t.utf8, null);
        Policy policy = governor.policyFor(f);
        if (policy == null) {
            governor.noPolicy(f, i);
        } else {
            Verdict v = policy.decide(action, t.target, governor.performed(f));
            f.verdicts[i] = v;
            RuntimeChecks.apply(f, i, v, governor.controls(), governor.recorder(), policy, now);
        }
        if (f.decisions[i] == Outcome.DENY) {
            governor.recorder().blocked(ts, f);
            String message = Denials.message(action.name(), t.target, f.reasons[i], f.rules[i]);
            ts.denial = new WardenConnectException(message);
            ts.pop();
            if (subject != null) {
                ts.rememberDecided(subject, url, method, message);
            }
            return DENIED;
        }
        if (subject != null) {
            ts.rememberDecided(subject, url, method, null);
        }
        governor.proceeding(f);
        endpoints.allowed(t.endpoint, now);
        return GOVERNED;
    }

    /** Detached requests' frames, reused. */
    private final DetachedCalls pool = new DetachedCalls(this);
    /** Hops whose record waits for their response; one pushed out is written at once. */
    private final PendingCalls pending = new PendingCalls(call -> record(call, null));

    /**
     * The JDK client's {@code send} starts on this thread; returns what {@link #sendEnd} restores.
     * {@code send} waits for the future of the {@code sendAsync} it calls, so that request's record
     * is written on this thread when {@code send} returns: nothing to detach, nothing to allocate.
     */
    int sendBegin(ThreadState ts) {
        int saved = ts.sendDepth;
        ts.sendDepth = ts.depth();
        return saved;
    }

    /** {@code send} returned {@code response} or threw {@code thrown}: the record of the request it made. */
    void sendEnd(ThreadState ts, int saved, Object response, Throwable thrown) {
        try {
            CallFrame f = ts.top();
            if (f != null && f.awaitsSend && ts.depth() - 1 == ts.sendDepth) {
                try {
                    statuses(ts, f, response);
                    // send rethrows the future's failure as a new exception of the same kind, caused by it
                    governor.recorder().completed(ts, f, System.nanoTime(), thrown != null && thrown.getCause() != null ? thrown.getCause() : thrown);
                } finally {
                    ts.pop();
                }
            }
        } finally {
            ts.sendDepth = saved;
        }
    }

    /** The request continues on other threads: its record is written when {@code future} completes. */
    void detach(ThreadState ts, Object future) {
        CallFrame top = ts.top();
        if (top != null && top.family == Family.HTTP && ts.depth() - 1 == ts.sendDepth) {
            top.awaitsSend = true; // called by send, which records it (sendEnd)
            return;
        }
        DetachedCall call = detachTop(ts);
        if (call == null) {
            return;
        }
        if (future instanceof CompletableFuture) {
            // A per-request allocation CompletableFuture cannot spare: whenComplete makes its
            // dependent future and the node that links it (call itself is pooled). Any way of
            // hearing of a completion is such a dependent stage.
            ((CompletableFuture<?>) future).whenComplete(call);
        } else {
            record(call, null);
        }
    }

    /**
     * The hop's record waits for {@link #responded} with {@code key}: its response arrives in
     * another method or on another thread. A record still waiting when another hop parks under the
     * same key, when the table is full, or at JVM exit, is written without a status: the request went out.
     */
    void park(ThreadState ts, Object key) {
        DetachedCall call = detachTop(ts);
        if (call != null) {
            call.key = key;
            pending.park(call);
        }
    }

    /**
     * The response (status, or the failure) of the hop parked under {@code key}; without one, the
     * status of the governed call in progress on this thread for the same subject.
     */
    void responded(ThreadState ts, Object key, int status, Throwable thrown) {
        if (status < 0 && thrown == null) {
            return; // nothing known yet (HttpURLConnection's getInputStream0 calls itself through getResponseCode)
        }
        DetachedCall call = pending.take(key);
        if (call != null) {
            call.frame.status = status;
            record(call, thrown);
            return;
        }
        CallFrame top = ts.top();
        if (top != null && top.family == Family.HTTP && top.path == key && top.status < 0 && status >= 0) {
            top.status = status;
        }
    }

    /** At JVM exit: the records still waiting for a response. */
    void flushParked(ThreadState ts) {
        pending.drain(call -> record(call, null));
    }

    /** An allowed request goes through this proxy: connects to it from other threads are part of it. */
    void allowedVia(String host, int port) {
        endpoints.allowed(ConnectTargets.hostPort(host, port), System.nanoTime());
    }

    /** See {@link RecordingCallback}. */
    Object recordingCallback(ThreadState ts, Object callback, Class<?> type) {
        DetachedCall call = detachTop(ts);
        return call == null ? callback : RecordingCallback.wrap(callback, type, call, this);
    }

    /** The HTTP request on top of this thread's stack, taken off it to be completed elsewhere; or {@code null}. */
    private DetachedCall detachTop(ThreadState ts) {
        CallFrame f = ts.top();
        if (f == null || f.family != Family.HTTP) {
            return null;
        }
        DetachedCall call = pool.take(ts.slotStart);
        String name = Thread.currentThread().getName();
        f.copyTo(call.frame, name, ts.threadNameUtf8(name));
        ts.pop();
        return call;
    }

    /** Writes the record of a detached request and gives its frame back to the pool; any thread, not governed. */
    void record(DetachedCall call, Throwable thrown) {
        ThreadState ts = WardenThreads.STATE.get();
        ts.insideWarden++;
        try {
            governor.recorder().completed(ts, call.frame, System.nanoTime(), thrown);
        } catch (Throwable internal) {
            LOG.error("Warden could not record the outcome of an HTTP request", internal);
        } finally {
            ts.insideWarden--;
            pool.giveBack(call, ts.slotStart);
        }
    }

    /** The JDK client's response future completed: every hop's status, then this call's record. */
    void completeAsync(DetachedCall call, Object response, Throwable thrown) {
        ThreadState ts = WardenThreads.STATE.get();
        ts.insideWarden++;
        try {
            statuses(ts, call.frame, response);
        } catch (Throwable internal) {
            LOG.error("Warden could not read the statuses of an HTTP request", internal);
        } finally {
            ts.insideWarden--;
        }
        record(call, thrown instanceof java.util.concurrent.CompletionException && thrown.getCause() != null
                ? thrown.getCause() : thrown);
    }

    /**
     * A JDK client's response: the chain of previous responses names each hop's request (the
     * redirect hops were parked under those requests); the first response is {@code call}'s own.
     */
    private void statuses(ThreadState ts, CallFrame call, Object response) {
        if (response instanceof java.net.http.HttpResponse) {
            java.net.http.HttpResponse<?> r = (java.net.http.HttpResponse<?>) response;
            while (r.previousResponse().isPresent()) {
                responded(ts, r.request(), r.statusCode(), null);
                r = r.previousResponse().get();
            }
            call.status = r.statusCode();
        }
    }

    long decideConnect(ThreadState ts, Object address, boolean selector) {
        long now = System.nanoTime();
        String target;
        String byName = null;
        if (address instanceof InetSocketAddress) {
            InetSocketAddress a = (InetSocketAddress) address;
            String host = a.isUnresolved() || a.getAddress() == null ? a.getHostString() : a.getAddress().getHostAddress();
            target = ConnectTargets.hostPort(host, a.getPort());
            byName = ConnectTargets.hostPort(a.getHostString(), a.getPort());
        } else if (address instanceof UnixDomainSocketAddress) {
            target = ConnectTargets.unix(((UnixDomainSocketAddress) address).getPath().toString());
        } else {
            return dev.warden.bootstrap.Governor.NOT_GOVERNED;
        }
        CallFrame outer = ts.top();
        if (outer != null && outer.family == Family.NET && outer.count > 0 && target.equals(outer.targets[0])) {
            // the JDK's send to the same address inside a decided one (JDK 25's blockingSend calls send)
            return dev.warden.bootstrap.Governor.NOT_GOVERNED;
        }
        CallFrame f = ts.push(Family.NET);
        if (f == null) {
            ts.denial = new WardenConnectException(Denials.message("net.connect", target, "governed calls nested too deep", "default"));
            return DENIED;
        }
        f.startNanos = now;
        f.path = address;
        int i = f.add(Action.NET_CONNECT, target, null, null, null);
        Policy policy = governor.policyFor(f);
        if (policy == null) {
            governor.noPolicy(f, i);
        } else {
            Verdict v = policy.decide(Action.NET_CONNECT, target, governor.performed(f));
            f.verdicts[i] = v;
            RuntimeChecks.apply(f, i, v, governor.controls(), governor.recorder(), policy, now);
            boolean byRuntime = "kill-switch".equals(f.rules[i]) || "error".equals(f.rules[i]);
            // No rule denies it (none matched, or only the trust ceiling refused what one allowed).
            boolean noRuleDenies = "default".equals(v.rule()) || v.byCeiling();
            if (noRuleDenies && !byRuntime
                    && (ts.insideAllowedCall() || (selector
                            && (endpoints.recentlyAllowed(target, now) || endpoints.recentlyAllowed(byName, now))))) {
                // No rule names this address, and it is where an allowed request goes: no allow rule needed.
                f.decisions[i] = Outcome.ALLOW;
                f.reasons[i] = ts.mailTransport > 0 ? MailCalls.MAIL_TRANSPORT : PART_OF_REQUEST;
            } else if (noRuleDenies && !byRuntime && resolvers.contains(target)) {
                f.decisions[i] = Outcome.ALLOW;
                f.reasons[i] = DNS_QUERY;
            }
        }
        if (f.decisions[i] == Outcome.DENY) {
            governor.recorder().blocked(ts, f);
            ts.denial = new WardenConnectException(Denials.message(Action.NET_CONNECT.name(), target, f.reasons[i], f.rules[i]));
            ts.pop();
            return DENIED;
        }
        governor.proceeding(f);
        return GOVERNED;
    }

    /** A URL for a log line or an error record: no user info, no query, no fragment. */
    static String withoutSecrets(String url) {
        int end = url.length();
        for (int i = 0; i < url.length(); i++) {
            if (url.charAt(i) == '?' || url.charAt(i) == '#') {
                end = i;
                break;
            }
        }
        String s = url.substring(0, end);
        int authority = s.indexOf("://");
        int at = s.indexOf('@');
        int slash = authority < 0 ? -1 : s.indexOf('/', authority + 3);
        if (authority >= 0 && at > authority && (slash < 0 || at < slash)) {
            s = s.substring(0, authority + 3) + s.substring(at + 1);
        }
        return s;
    }

    Object withBaggage(Object request) {
        return BaggageHeaders.onJdkRequest(baggage(), request);
    }

    void baggageInto(Object message) throws Throwable {
        BaggageHeaders.into(baggage(), message);
    }

    String baggage(String existing) {
        Baggage b = baggage();
        return b == null ? null : b.merge(existing);
    }
}
