package io.parley.bench.accounts;

/** A registered account. */
public record User(String userId, String username, String password) {
}
