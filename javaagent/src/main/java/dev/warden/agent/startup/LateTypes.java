package dev.warden.agent.startup;

import dev.warden.agent.http.apache4.Apache4Instrumentation;
import dev.warden.agent.http.apache5.Apache5Instrumentation;
import dev.warden.agent.http.jdk.JdkHttpInstrumentation;
import dev.warden.agent.http.okhttp.OkHttpInstrumentation;
import dev.warden.agent.http.reactornetty.ReactorNettyInstrumentation;
import dev.warden.agent.jdbc.JdbcInstrumentation;
import dev.warden.agent.mail.MailInstrumentation;
import dev.warden.agent.net.SocketInstrumentation;
import dev.warden.agent.process.ProcessInstrumentation;
import java.util.HashSet;
import java.util.Set;
import net.bytebuddy.agent.builder.AgentBuilder;

/** The instrumentations of classes that load after start-up, and the names of the classes they advise. */
final class LateTypes {

    private LateTypes() {}

    static final Set<String> ALL = union(SocketInstrumentation.TYPES, JdkHttpInstrumentation.TYPES,
            OkHttpInstrumentation.TYPES, Apache5Instrumentation.TYPES, Apache4Instrumentation.TYPES,
            ReactorNettyInstrumentation.TYPES, MailInstrumentation.TYPES, ProcessInstrumentation.TYPES);

    /** What the governor needs to read requests whose classes advice cannot name; made at start-up. */
    static void registerReaders() {
        ReactorNettyInstrumentation.registerReader();
        MailInstrumentation.registerReader();
    }

    static AgentBuilder register(AgentBuilder builder) {
        builder = SocketInstrumentation.register(builder);
        builder = JdkHttpInstrumentation.register(builder);
        builder = OkHttpInstrumentation.register(builder);
        builder = Apache5Instrumentation.register(builder);
        builder = Apache4Instrumentation.register(builder);
        builder = ReactorNettyInstrumentation.register(builder);
        builder = JdbcInstrumentation.register(builder);
        builder = MailInstrumentation.register(builder);
        builder = ProcessInstrumentation.register(builder);
        return builder;
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> all = new HashSet<>();
        for (Set<String> s : sets) {
            all.addAll(s);
        }
        return Set.copyOf(all);
    }
}
