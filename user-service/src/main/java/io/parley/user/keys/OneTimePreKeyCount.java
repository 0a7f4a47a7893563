package io.parley.user.keys;

/** How many one-time prekeys a device still has stored, and how many it may store. */
record OneTimePreKeyCount(int remaining, int capacity) {
}
