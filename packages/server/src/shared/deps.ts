import type { DatabaseHandle } from '../db/database.ts';
import type { Clock } from './clock.ts';

/** What every use case may use. Built once by compose.ts for the HTTP server, the worker and the CLI. */
export type Deps = {
  readonly database: DatabaseHandle;
  readonly clock: Clock;
  /** Where files live: uploads, import error files, generated documents. */
  readonly dataDir: string;
};
