package io.parley.push.tokens;

/** The calling user's push preferences. */
record PreferencesView(boolean preview) {
}
