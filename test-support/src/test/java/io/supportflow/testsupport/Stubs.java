package io.supportflow.testsupport;

import java.lang.reflect.Proxy;
import java.util.Map;

/** Interface stubs answering the named methods with fixed values (and failing on any other method). */
final class Stubs {

    private Stubs() {
    }

    static <T> T of(Class<T> type, Map<String, Object> answers) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (!answers.containsKey(method.getName())) {
                throw new UnsupportedOperationException(method.getName());
            }
            return answers.get(method.getName());
        }));
    }
}
