package dev.warden.agent.file;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/** One advice class applied to some methods, with the operation and API codes bound as constants. */
final class AdviceFor {

    private AdviceFor() {}

    static AsmVisitorWrapper methods(Class<?> advice, int op, int api, ElementMatcher<? super MethodDescription> methods) {
        return Advice.withCustomMapping()
                .bind(Op.class, op)
                .bind(Api.class, api)
                .to(advice)
                .on(methods);
    }
}
