package io.supportflow.properties;

import io.supportflow.persistence.Stores;
import io.supportflow.persistence.SupportStore;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A stand-in for the MapDB store until the persistence module provides it: one {@link Stores#inMemory()} store per
 * directory outlives the handles opened on it (within this JVM), so restarts can be exercised. A handle's
 * {@code close()} closes only the handle; every later call on it throws {@link IllegalStateException}.
 */
final class StandInStore {
    private static final Map<Path, SupportStore> DIRECTORIES = new ConcurrentHashMap<>();

    private StandInStore() {
    }

    static SupportStore open(Path directory) {
        SupportStore shared = DIRECTORIES.computeIfAbsent(directory.toAbsolutePath(), d -> Stores.inMemory());
        AtomicBoolean closed = new AtomicBoolean();
        return (SupportStore) Proxy.newProxyInstance(SupportStore.class.getClassLoader(),
                new Class<?>[] {SupportStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close") && method.getParameterCount() == 0) {
                        closed.set(true);
                        return null;
                    }
                    if (closed.get() && method.getDeclaringClass() != Object.class) {
                        throw new IllegalStateException("store handle closed");
                    }
                    try {
                        return method.invoke(shared, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    static void delete(Path directory) {
        SupportStore shared = DIRECTORIES.remove(directory.toAbsolutePath());
        if (shared != null) {
            shared.close();
        }
    }
}
