import type { Migration, MigrationProvider } from 'kysely/migration';
import * as m0001 from './0001-foundation.ts';
import * as m0002 from './0002-import-speed.ts';
import * as m0003 from './0003-strategies.ts';
import * as m0004 from './0004-run-queue.ts';
import * as m0005 from './0005-channels.ts';
import * as m0006e from './0006-evidence-digests.ts';
import * as m0007 from './0007-agent-workspace.ts';
import * as m0008q from './0008-call-queue.ts';
import * as m0009 from './0009-promises-disputes.ts';
import * as m0010 from './0010-payments.ts';
import * as m0011 from './0011-dispute-amounts.ts';
import * as m0012 from './0012-open-attempts.ts';
import * as m0013 from './0013-statement-matching.ts';
import * as m0014 from './0014-agency.ts';
import * as m0015 from './0015-kpi-figures.ts';
import * as m0016 from './0016-creditor-portal.ts';
import * as m0017 from './0017-figure-history.ts';
import * as m0018 from './0018-agency-comparison.ts';
import * as m0019 from './0019-entered-rates.ts';
import * as m0020 from './0020-strategy-figures.ts';
import * as m0021 from './0021-live-figures.ts';
import * as m0022 from './0022-webhook-queue.ts';
import * as m0023 from './0023-payment-leftovers.ts';
import * as m0024 from './0024-strategy-history.ts';
import * as m0025 from './0025-evidence-pending.ts';
import * as m0026 from './0026-strategy-cohorts.ts';
import * as m0027 from './0027-run-cases-due.ts';
import * as m0028 from './0028-one-run-queue-index.ts';
import * as m0029 from './0029-debtor-contact-summary.ts';
import * as m0030 from './0030-case-texts.ts';

/** Every migration, in order. One set for SQLite and PostgreSQL; keep them additive. */
const migrations: Readonly<Record<string, Migration>> = {
  '0001-foundation': m0001,
  '0002-import-speed': m0002,
  '0003-strategies': m0003,
  '0004-run-queue': m0004,
  '0005-channels': m0005,
  '0006-evidence-digests': m0006e,
  '0007-agent-workspace': m0007,
  '0008-call-queue': m0008q,
  '0009-promises-disputes': m0009,
  '0010-payments': m0010,
  '0011-dispute-amounts': m0011,
  '0012-open-attempts': m0012,
  '0013-statement-matching': m0013,
  '0014-agency': m0014,
  '0015-kpi-figures': m0015,
  '0016-creditor-portal': m0016,
  '0017-figure-history': m0017,
  '0018-agency-comparison': m0018,
  '0019-entered-rates': m0019,
  '0020-strategy-figures': m0020,
  '0021-live-figures': m0021,
  '0022-webhook-queue': m0022,
  '0023-payment-leftovers': m0023,
  '0024-strategy-history': m0024,
  '0025-evidence-pending': m0025,
  '0026-strategy-cohorts': m0026,
  '0027-run-cases-due': m0027,
  '0028-one-run-queue-index': m0028,
  '0029-debtor-contact-summary': m0029,
  '0030-case-texts': m0030,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => ({ ...migrations }),
};
