package io.supportflow.testsupport;

import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MonitorInfo;
import java.lang.management.ThreadInfo;

/** Every live thread of this JVM with its whole stack, the locks it holds and the one it waits for, as text. */
final class ThreadDump {

    private ThreadDump() {
    }

    /** The dump, headed by {@code why}. */
    static String of(String why) {
        StringBuilder out = new StringBuilder("=== thread dump: ").append(why).append(" ===\n");
        for (ThreadInfo thread : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
            append(out, thread);
        }
        return out.append("=== end of thread dump ===\n").toString();
    }

    private static void append(StringBuilder out, ThreadInfo thread) {
        out.append('"').append(thread.getThreadName()).append("\" #").append(thread.getThreadId())
                .append(thread.isDaemon() ? " daemon" : "").append(' ').append(thread.getThreadState());
        if (thread.getLockName() != null) {
            out.append(" on ").append(thread.getLockName());
        }
        if (thread.getLockOwnerName() != null) {
            out.append(" owned by \"").append(thread.getLockOwnerName()).append('"');
        }
        out.append('\n');
        StackTraceElement[] stack = thread.getStackTrace();
        for (int i = 0; i < stack.length; i++) {
            out.append("\tat ").append(stack[i]).append('\n');
            for (MonitorInfo monitor : thread.getLockedMonitors()) {
                if (monitor.getLockedStackDepth() == i) {
                    out.append("\t- locked ").append(monitor).append('\n');
                }
            }
        }
        for (LockInfo lock : thread.getLockedSynchronizers()) {
            out.append("\t- holds ").append(lock).append('\n');
        }
        out.append('\n');
    }
}
