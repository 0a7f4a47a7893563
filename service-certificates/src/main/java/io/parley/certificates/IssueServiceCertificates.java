package io.parley.certificates;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Command line: {@code IssueServiceCertificates <directory> [service ...]} writes a new CA and a certificate for
 * each service (default: every Parley service), valid for a year. For docker compose and hand-run set-ups; the
 * local stack and the tests issue their own.
 */
public final class IssueServiceCertificates {

    private IssueServiceCertificates() {
    }

    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: IssueServiceCertificates <directory> [service ...]");
            System.exit(2);
        }
        List<String> services = args.length > 1
                ? Arrays.asList(args).subList(1, args.length) : ServiceCertificates.PARLEY_SERVICES;
        IssuedCertificates issued = ServiceCertificates.builder().validity(Duration.ofDays(365)).clock(Clock.systemUTC())
                .issue(Path.of(args[0]), services);
        System.out.println("CA " + issued.trustedCa());
        issued.byService().values().forEach(c -> System.out.println(c.service() + " " + c.certificate()));
    }
}
