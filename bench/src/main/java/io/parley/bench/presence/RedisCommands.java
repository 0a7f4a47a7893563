package io.parley.bench.presence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Redis's own count of the commands it processed ({@code INFO stats}: {@code total_commands_processed}), read
 * over a plain socket before and after a change: the Redis cost of that change, as the server saw it (everything
 * else the system does meanwhile included, so measure on an otherwise idle stack).
 */
final class RedisCommands {

    private final InetSocketAddress address;

    private RedisCommands(InetSocketAddress address) {
        this.address = address;
    }

    /** {@code host:port}, or null for "not measured". */
    static RedisCommands at(String hostPort) {
        if (hostPort == null || hostPort.isBlank()) {
            return null;
        }
        int colon = hostPort.lastIndexOf(':');
        return new RedisCommands(new InetSocketAddress(hostPort.substring(0, colon),
                Integer.parseInt(hostPort.substring(colon + 1))));
    }

    long processed() {
        try (Socket socket = new Socket()) {
            socket.connect(address, 5_000);
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write("*2\r\n$4\r\nINFO\r\n$5\r\nstats\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String reply = readBulk(socket.getInputStream());
            for (String line : reply.split("\r\n")) {
                if (line.startsWith("total_commands_processed:")) {
                    return Long.parseLong(line.substring(line.indexOf(':') + 1).strip());
                }
            }
            throw new IllegalStateException("INFO stats has no total_commands_processed");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot ask Redis at " + address, e);
        }
    }

    /** A RESP bulk string: {@code $<length>\r\n<bytes>\r\n}. */
    private static String readBulk(InputStream in) throws IOException {
        StringBuilder header = new StringBuilder();
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) {
                throw new IOException("Redis closed the connection");
            }
            header.append((char) c);
        }
        String length = header.toString().strip();
        if (!length.startsWith("$")) {
            throw new IOException("unexpected Redis reply " + length);
        }
        byte[] body = in.readNBytes(Integer.parseInt(length.substring(1)));
        return new String(body, StandardCharsets.UTF_8);
    }
}
