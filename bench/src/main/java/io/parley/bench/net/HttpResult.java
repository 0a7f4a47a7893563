package io.parley.bench.net;

/** An HTTP answer: status and body as text. */
public record HttpResult(int status, String body) {

    public boolean ok() {
        return status >= 200 && status < 300;
    }
}
