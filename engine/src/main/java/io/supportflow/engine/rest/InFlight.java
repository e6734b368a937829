package io.supportflow.engine.rest;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The outermost handler: counts each request from the moment its head has been read until its answer is sent (or
 * failed), so that shutdown can wait for every request already received. Once draining, requests still arriving
 * are answered 503 and their connection closed. Thread-safe.
 */
final class InFlight extends Handler.Wrapper {
    private final HttpIo io;
    private int count;
    private boolean draining;

    InFlight(Handler handler, HttpIo io) {
        super(handler);
        this.io = io;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!enter()) {
            response.getHeaders().put("Connection", "close");
            io.send(request, response, Reply.failure(Failure.of(TransportError.SERVICE_UNAVAILABLE,
                    "the server is shutting down. Retry against another instance or later.", null)), callback);
            return true;
        }
        Callback counted = Callback.from(callback, this::exit);
        try {
            if (super.handle(request, response, counted)) {
                return true;
            }
        } catch (Exception | Error e) {
            exit();
            throw e;
        }
        exit();
        return false;
    }

    /** Counts a request in, unless draining. */
    private synchronized boolean enter() {
        if (draining) {
            return false;
        }
        count++;
        return true;
    }

    private synchronized void exit() {
        count--;
        if (count == 0) {
            notifyAll();
        }
    }

    /**
     * Begins draining and waits until no request is in flight or {@code grace} passed.
     *
     * @return whether every request finished
     */
    synchronized boolean drain(Duration grace) throws InterruptedException {
        draining = true;
        long deadline = System.nanoTime() + grace.toNanos();
        while (count > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }
}
