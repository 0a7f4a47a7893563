package io.parley.infra.redis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Just enough of the Redis protocol to probe and reset a server: one inline command, one status reply line. */
final class RedisProtocol {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private RedisProtocol() {
    }

    /** Sends an inline command such as {@code PING} and returns the first reply line, such as {@code +PONG}. */
    static String call(InetSocketAddress server, String inlineCommand) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(server, (int) TIMEOUT.toMillis());
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write((inlineCommand + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(
                    new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            String reply = in.readLine();
            if (reply == null) {
                throw new IOException("Redis closed the connection without replying to " + inlineCommand);
            }
            return reply;
        }
    }
}
