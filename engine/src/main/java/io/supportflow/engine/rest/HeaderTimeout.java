package io.supportflow.engine.rest;

import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.Scheduler;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Closes every connection that has not completed its first request head within the header timeout, however
 * slowly it keeps sending (a slow-loris client trickling bytes is not idle, so the idle timeout alone would not end
 * it). Checks the connector's open connections every quarter of the timeout; the idle timeout covers the time
 * between requests on a kept-alive connection.
 */
final class HeaderTimeout implements Runnable {
    private final ServerConnector connector;
    private final long timeoutMillis;
    private final long periodMillis;

    HeaderTimeout(ServerConnector connector, Duration timeout) {
        this.connector = connector;
        this.timeoutMillis = timeout.toMillis();
        this.periodMillis = Math.max(10, timeoutMillis / 4);
    }

    /** Starts the checks on the connector's scheduler; they end when the connector stops. */
    void start() {
        schedule(connector.getScheduler());
    }

    @Override
    public void run() {
        if (!connector.isRunning()) {
            return;
        }
        long now = System.currentTimeMillis();
        for (EndPoint endPoint : connector.getConnectedEndPoints()) {
            Connection connection = endPoint.getConnection();
            if (connection != null && connection.getMessagesIn() == 0
                    && now - endPoint.getCreatedTimeStamp() > timeoutMillis) {
                endPoint.close(new TimeoutException("no request head within " + timeoutMillis + " ms"));
            }
        }
        schedule(connector.getScheduler());
    }

    private void schedule(Scheduler scheduler) {
        try {
            scheduler.schedule(this, periodMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            // the server is stopping: no more checks
        }
    }
}
