package io.parley.user.web;

import io.parley.user.error.ApiProblem;

/** Bounds of list pages: {@code ?limit=} defaults to 100 and may not exceed 500. */
public final class PageRequest {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 500;

    private PageRequest() {
    }

    public static int limit(Integer requested) {
        if (requested == null) {
            return DEFAULT_LIMIT;
        }
        if (requested < 1 || requested > MAX_LIMIT) {
            throw ApiProblem.invalidField("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return requested;
    }
}
