package dev.warden.agent.audit;

import java.util.Iterator;
import java.util.concurrent.ConcurrentLinkedQueue;
import net.openhft.chronicle.queue.ExcerptAppender;

/**
 * Closes the Chronicle appender of each thread that has ended. Appenders are per thread (a shared
 * pool measured ~1 µs slower per record), and a {@code ThreadLocal} value is never closed when its
 * thread dies: an application that starts a thread per task would keep an appender per task
 * forever. A daemon thread of the trail's looks every {@value #PERIOD_MILLIS} ms; Chronicle allows
 * closing an appender from another thread once its own thread is dead.
 */
final class AppenderReaper {

    static final long PERIOD_MILLIS = 2_000;

    private static final class Owned {
        final Thread thread;
        final ExcerptAppender appender;

        Owned(Thread thread, ExcerptAppender appender) {
            this.thread = thread;
            this.appender = appender;
        }
    }

    private final ConcurrentLinkedQueue<Owned> owned = new ConcurrentLinkedQueue<>();
    private volatile boolean stopped;
    /** Appenders that refused to close (tests assert none do). */
    volatile int failures;

    /** Starts the daemon thread (created by the trail's thread factory, so its work is Warden's). */
    AppenderReaper(java.util.concurrent.ThreadFactory threads) {
        Runnable loop = new Runnable() {
            @Override
            public void run() {
                while (!stopped) {
                    try {
                        Thread.sleep(PERIOD_MILLIS);
                    } catch (InterruptedException e) {
                        return;
                    }
                    reap();
                }
            }
        };
        Thread t = threads == null ? new Thread(loop) : threads.newThread(loop);
        t.setName("warden-appender-reaper");
        t.setDaemon(true);
        t.start();
    }

    /** Registers the appender the calling thread just created. */
    ExcerptAppender own(ExcerptAppender appender) {
        owned.add(new Owned(Thread.currentThread(), appender));
        return appender;
    }

    /** Closes the appenders of threads that have ended; returns how many. */
    int reap() {
        int closed = 0;
        for (Iterator<Owned> it = owned.iterator(); it.hasNext(); ) {
            Owned o = it.next();
            if (!o.thread.isAlive()) {
                it.remove();
                try {
                    o.appender.close();
                } catch (RuntimeException e) {
                    failures++; // nothing is lost: the thread is gone, only its appender's memory is
                }
                closed++;
            }
        }
        return closed;
    }

    int size() {
        return owned.size();
    }

    void stop() {
        stopped = true;
    }
}
