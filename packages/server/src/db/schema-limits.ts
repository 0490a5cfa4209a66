/** The rate limits' counters (migration 0023): see the migration for why they live in the database. */
export type LimitsTables = {
  rate_limits: RateLimitsTable;
};

export type RateLimitsTable = {
  /** The tenant the request names, or '' while it names none that can be trusted (see migration 0023). */
  tenant_id: string;
  /** `<limit>:<sha256 of what is counted>` — a link, an e-mail and address —, never the value itself. */
  bucket: string;
  /** The fixed window the hits fall in: its first instant (ISO-8601 UTC, a multiple of the window). */
  window_start: string;
  hits: number;
  /** When the window stops weighing on the next one (its end + one window): the sweep removes it then. */
  expires_at: string;
};
