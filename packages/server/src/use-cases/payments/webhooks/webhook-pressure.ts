/**
 * How many providers' webhooks this process is answering right now: the queue of this process gives way
 * while some are (decision 0012). Answering is what the provider waits on; a booking can wait a few
 * milliseconds, and on SQLite both share the one connection, so a queue that kept it would starve them.
 * A hint for scheduling only: nothing depends on it for correctness.
 */
let inFlight = 0;

export function webhooksInFlight(): number {
  return inFlight;
}

/** Counts `work` as a webhook being answered until it settles. */
export async function answeringWebhook<T>(work: () => Promise<T>): Promise<T> {
  inFlight += 1;
  try {
    return await work();
  } finally {
    inFlight -= 1;
  }
}
