package com.wimd.events;

import java.time.Instant;

/** A time the coach is busy, from {@code start} (included) to {@code end} (excluded). */
public record BusyInterval(Instant start, Instant end) {
}
