/**
 * Child-process plumbing shared by the servers: free and sticky ports, the command line of child JVMs, launching
 * with output to a log file and a pid file, readiness polling with a deadline, stopping (SIGTERM, grace period,
 * SIGKILL) and replacing processes an earlier run left behind. Child JVMs run behind
 * {@link io.parley.infra.process.watchdog.ParentWatchdogMain}, which exits them when this JVM dies.
 */
package io.parley.infra.process;
