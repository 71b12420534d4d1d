/**
 * The largest state document `PUT /__mock/v1/state` reads: 256 MiB of JSON (100000 GenAuth users
 * are about 100 MB). Bigger documents answer 413.
 */
export const STATE_BODY_LIMIT = 256 * 1024 * 1024;
