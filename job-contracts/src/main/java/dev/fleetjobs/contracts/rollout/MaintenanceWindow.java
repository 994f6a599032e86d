package dev.fleetjobs.contracts.rollout;

import java.time.Instant;

/**
 * A time when waves may start: recurring (a cron expression for each window's start) or
 * once (a start time), lasting the duration. Exactly one of {@code cron} and
 * {@code startTime} is set. A wave that started inside a window runs to its end.
 *
 * @param cron a cron expression: 5 fields (minute hour day-of-month month day-of-week) or
 * 6 (with seconds first), e.g. {@code 0 22 * * *} for 22:00 every day
 * @param startTime the start of a one-off window
 * @param durationInSeconds how long each window lasts, 1..604,800 (7 days)
 * @param timeZone the cron expression's time zone (an IANA id such as
 * {@code Europe/Berlin}); absent means UTC
 */
public record MaintenanceWindow(String cron, Instant startTime, Long durationInSeconds, String timeZone) {
}
