package dev.warden.agent.governor;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NonBlockingThreadsTest {

    @Test
    void eventLoopsAndSelectorsAreKnownByTheirLibrariesNames() {
        for (String name : new String[] {"nioEventLoopGroup-2-1", "epollEventLoopGroup-3-4", "kqueueEventLoopGroup-1-1",
                "multithreadIoEventLoopGroup-5-2", "reactor-http-nio-3", "reactor-http-epoll-1", "reactor-tcp-nio-2",
                "vert.x-eventloop-thread-0", "HttpClient-1-SelectorManager", "httpclient-dispatch-1", "I/O dispatcher 4"}) {
            assertTrue(NonBlockingThreads.hasEventLoopName(name), name);
        }
    }

    @Test
    void workersMayWait() {
        for (String name : new String[] {"main", "pool-1-thread-1", "OkHttp Dispatcher", "ForkJoinPool.commonPool-worker-1",
                "HttpClient-1-Worker-0", "tool-executor-3", "reactor-core-boundedElastic-1"}) {
            assertFalse(NonBlockingThreads.hasEventLoopName(name), name);
        }
    }

    @Test
    void aThreadCarryingReactorsNonBlockingMarkerMustNotWaitWhateverItsName() throws Exception {
        // The marker is found by name, as Warden sees it from its own class loader.
        ClassLoader loader = new MarkerLoader();
        Class<?> thread = Class.forName("reactor.core.scheduler.MarkedThread", true, loader);
        Thread t = (Thread) thread.getConstructor().newInstance();
        assertTrue(NonBlockingThreads.isNonBlocking(t));
        assertFalse(NonBlockingThreads.isNonBlocking(new Thread("parallel-1")));
    }

    /** Defines {@code reactor.core.scheduler.NonBlocking} and a thread class implementing it, from bytes made here. */
    private static final class MarkerLoader extends ClassLoader {
        MarkerLoader() {
            super(NonBlockingThreadsTest.class.getClassLoader());
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            net.bytebuddy.dynamic.DynamicType.Unloaded<?> type;
            if (name.equals("reactor.core.scheduler.NonBlocking")) {
                type = new net.bytebuddy.ByteBuddy().makeInterface().name(name).make();
            } else if (name.equals("reactor.core.scheduler.MarkedThread")) {
                type = new net.bytebuddy.ByteBuddy().subclass(Thread.class).name(name)
                        .implement(loadClass("reactor.core.scheduler.NonBlocking")).make();
            } else {
                throw new ClassNotFoundException(name);
            }
            byte[] bytes = type.getBytes();
            return defineClass(name, bytes, 0, bytes.length);
        }
    }
}
