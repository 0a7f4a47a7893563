package io.parley.infra;

import java.util.List;

/**
 * How the servers' JVMs are tuned. Tests start many short-lived servers and want them up fast; the local stack
 * runs one set for as long as a person (or the bench module) uses it and wants throughput.
 */
public enum ServerProfile {

    /** The C1 compiler only: a Cassandra node starts in 4-7 s instead of 6-15 s; fine for tests' small loads. */
    QUICK_START,

    /** The full tiered compiler (C2 for hot code) and a larger Cassandra heap: slower to start, several times faster. */
    THROUGHPUT;

    /** JVM options that differ between the profiles; the servers add their own common ones. */
    public List<String> compilerOptions() {
        return this == QUICK_START ? List.of("-XX:TieredStopAtLevel=1") : List.of();
    }
}
