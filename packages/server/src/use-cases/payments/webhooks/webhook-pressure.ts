/**
 * How many providers' webhooks this process is answering right now: the queue of this process gives way
 * while some are (decision 0012). Answering is what the provider waits on; a booking can wait a few
 * milliseconds, and on SQLite both share the one connection, so a queue that kept it would starve them.
 * A hint for scheduling only: nothing depends on it for correctness.
 */
let inFlight = 0;
let lastArrival = 0;

/** True while this process answers a webhook, or answered one in the last few milliseconds (a burst). */
export function webhooksBusy(now: number = Date.now()): boolean {
  return inFlight > 0 || now - lastArrival < 5;
}

/** Counts `work` as a webhook being answered until it settles. */
export async function answeringWebhook<T>(work: () => Promise<T>): Promise<T> {
  inFlight += 1;
  lastArrival = Date.now();
  try {
    return await work();
  } finally {
    inFlight -= 1;
  }
}
