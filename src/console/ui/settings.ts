// The console's timings and thresholds, apart from any DOM code so that the browser tests can read them.
/** How often the queue refreshes on its own. */
export const refreshMs = 30_000
/** After this many distressing items in a row the console suggests a pause. */
export const pauseAfter = 5
