package io.parley.infra.process;

import java.time.Duration;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops a server process that an earlier run left in a folder, so that a new start replaces it cleanly. The
 * process is only touched if its command line carries the folder's marker: a pid may have been recycled by an
 * unrelated process.
 */
final class StaleProcesses {

    private static final Logger LOG = LoggerFactory.getLogger(StaleProcesses.class);
    private static final Duration GRACEFUL_STOP = Duration.ofSeconds(15);

    private StaleProcesses() {
    }

    static void reap(ServerDirectory directory) {
        OptionalLong recordedPid = PidFile.read(directory.pidFile());
        if (recordedPid.isPresent()) {
            ProcessHandle.of(recordedPid.getAsLong())
                    .filter(ProcessHandle::isAlive)
                    .filter(process -> ProcessCommandLine.contains(process, directory.marker()))
                    .ifPresent(process -> stop(process, directory));
        }
        PidFile.delete(directory.pidFile());
    }

    private static void stop(ProcessHandle process, ServerDirectory directory) {
        LOG.warn("Stopping process {} left running in {} by an earlier start", process.pid(), directory.root());
        ProcessTree.stop(process, GRACEFUL_STOP);
    }
}
