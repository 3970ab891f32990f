package dev.warden.agent.governor;

/**
 * Which threads must never be made to wait for a person: an event loop or a selector thread that
 * blocks stalls every connection it serves (and a timeout of minutes would look like an outage).
 * An approval asked on such a thread fails at once with reason {@value #REASON}.
 *
 * <p>The rule, in order:
 * <ol>
 *   <li>a thread whose class implements Reactor's {@code reactor.core.scheduler.NonBlocking} marker
 *       (what Reactor's own {@code Schedulers.isInNonBlockingThread()} checks: its {@code parallel}
 *       and {@code single} schedulers, Reactor Netty's loops);</li>
 *   <li>a thread whose name is that of a known event loop or selector: Netty's event loops
 *       ({@code nioEventLoopGroup-*}, {@code epollEventLoopGroup-*}, {@code kqueueEventLoopGroup-*},
 *       {@code multithreadIoEventLoopGroup-*}, any {@code *EventLoop*}), Reactor Netty's
 *       ({@code reactor-http-*}, {@code reactor-tcp-*}), Vert.x's {@code vert.x-eventloop-thread-*},
 *       the JDK {@code HttpClient}'s {@code HttpClient-N-SelectorManager}, Apache HttpClient 5's
 *       I/O reactor ({@code httpclient-dispatch-*}) and HttpCore 4's {@code I/O dispatcher N}.</li>
 * </ol>
 * OkHttp has no selector thread (its dispatcher threads run blocking calls, and may wait). Names
 * are the libraries' defaults: an application that renames its event-loop threads should keep
 * approve rules off actions made there. The check runs only when a call needs approval.
 */
final class NonBlockingThreads {

    static final String REASON = "approval needs a blocking caller";

    private NonBlockingThreads() {}

    static boolean isNonBlocking(Thread t) {
        return implementsNonBlockingMarker(t.getClass()) || hasEventLoopName(t.getName());
    }

    static boolean hasEventLoopName(String name) {
        return name.contains("EventLoop")
                || name.startsWith("reactor-http-") || name.startsWith("reactor-tcp-")
                || name.startsWith("vert.x-eventloop-thread-")
                || (name.startsWith("HttpClient-") && name.endsWith("-SelectorManager"))
                || name.startsWith("httpclient-dispatch-")
                || name.startsWith("I/O dispatcher");
    }

    /** By name, up the class hierarchy: Warden cannot link against Reactor's class. */
    private static boolean implementsNonBlockingMarker(Class<?> c) {
        for (; c != null && c != Thread.class; c = c.getSuperclass()) {
            for (Class<?> i : c.getInterfaces()) {
                if (i.getName().equals("reactor.core.scheduler.NonBlocking")) {
                    return true;
                }
            }
        }
        return false;
    }
}
