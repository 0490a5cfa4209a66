import { CompiledQuery } from 'kysely';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { caseStatusOf } from '../../ledger/case-totals.ts';
import type { BatchWrite, ClaimStore, ExistingClaim, StoreContext } from './claim-store.ts';

type Column = readonly [name: string, pgType: 'text' | 'bigint' | 'integer', values: readonly unknown[]];

/**
 * One `insert … select … from unnest($n::type[], …)` per table and batch: a whole batch in one round trip.
 * Values that are the same for every row (tenant, creditor, import, instant) are plain parameters.
 */
function unnestInsert(
  table: string,
  constants: Readonly<Record<string, unknown>>,
  columns: readonly Column[],
  suffix = '',
): CompiledQuery {
  const params: unknown[] = [];
  const select: string[] = [];
  const names: string[] = [];
  for (const [name, value] of Object.entries(constants)) {
    // Numbers here are constants of the code (zero counters): inlined. Text is a typed parameter.
    if (typeof value === 'number' && Number.isSafeInteger(value)) select.push(String(value));
    else {
      params.push(value);
      select.push(`$${params.length}::text`);
    }
    names.push(name);
  }
  const arrays: string[] = [];
  for (const [name, type, values] of columns) {
    params.push(arrayLiteral(values));
    arrays.push(`$${params.length}::${type}[]`);
    select.push(`u.${name}`);
    names.push(name);
  }
  const alias = columns.map(([name]) => name).join(', ');
  return CompiledQuery.raw(
    `insert into ${table} (${names.join(', ')}) select ${select.join(', ')} from unnest(${arrays.join(', ')}) as u(${alias})${suffix}`,
    params,
  );
}

/**
 * PostgreSQL on the connection of the import's transaction, raw SQL with arrays, and new claims with COPY
 * (about twice as fast as an `unnest` insert). Everything goes straight to the client, in the order sent:
 * had some writes gone through Kysely, which holds a query back until the one before it is done, a COPY
 * sent directly would overtake them, and a batch would be taken as written while writes of earlier ones
 * still queued up in memory. A batch's writes are sent without waiting: the database inserts batch N while
 * Node reads and checks batch N+1 (two cores, both busy); batch N+2 waits for batch N. Queries on one
 * connection run in order, so the next lookup sees every write before it.
 */
export function postgresClaimStore(client: pg.PoolClient, ctx: StoreContext): ClaimStore {
  const { tenantId, creditorId, importId, now } = ctx;
  let pending: Promise<unknown> = Promise.resolve();
  let failure: unknown = null;
  const track = (running: Promise<unknown>): void => {
    running.catch((error: unknown) => {
      failure ??= error;
    });
    pending = running;
  };
  // Each query is handed to the client once the one before is done (pg 9 drops its own queue); after a
  // failure the transaction is aborted, and nothing more is sent.
  const after = <T>(run: () => Promise<T>): Promise<T> => {
    const next = pending.catch(() => {}).then(() => (failure === null ? run() : Promise.reject(failure)));
    track(next);
    return next;
  };
  const send = (query: CompiledQuery): void => {
    after(() => client.query(query.sql, [...query.parameters]));
  };
  const copy = (statement: string, rows: string): void => {
    after(
      () =>
        new Promise<void>((resolve, reject) => {
          const stream = client.query(copyFrom(statement));
          stream.on('finish', resolve);
          stream.on('error', reject);
          stream.end(rows);
        }),
    );
  };

  return {
    async findClaims(invoiceNumbers) {
      const found = new Map<string, ExistingClaim>();
      if (failure !== null) throw failure;
      if (invoiceNumbers.length === 0) return found;
      type Found = {
        invoice_number: string;
        claim_id: string;
        content_hash: string;
        case_id: string;
        import_id: string | null;
      };
      // One index probe per number whatever the statistics say (`limit 1` keeps the lateral join a loop):
      // right after a bulk insert, the planner may not know the table grew, and a plain `= any($3)`
      // then becomes a filter over every claim of the creditor.
      const lookup = CompiledQuery.raw(
        'select c.invoice_number, c.claim_id, c.content_hash, c.case_id, c.import_id from unnest($3::text[]) as u(n) ' +
          'cross join lateral (select invoice_number, claim_id, content_hash, case_id, import_id from claims ' +
          'where tenant_id = $1 and creditor_id = $2 and invoice_number = u.n limit 1) as c',
        [tenantId, creditorId, arrayLiteral(invoiceNumbers)],
      );
      // A write sent earlier that failed aborts the transaction: report that failure, not the lookup's.
      const result = await after(() => client.query<Found>(lookup.sql, [...lookup.parameters])).catch(
        (error: unknown) => {
          throw failure ?? error;
        },
      );
      for (const r of result.rows) {
        found.set(r.invoice_number, {
          claimId: r.claim_id,
          contentHash: r.content_hash,
          caseId: r.case_id,
          importId: r.import_id,
        });
      }
      return found;
    },

    async write(b: BatchWrite) {
      // One batch in flight at most: the previous one must be done before this one is sent, or a fast
      // reader would queue the whole file in memory ahead of the database.
      await pending.catch(() => {});
      if (failure !== null) throw failure;
      if (b.debtorInserts.length > 0) {
        const d = b.debtorInserts;
        copy(
          ...copyInsert(
            'debtors',
            { tenant_id: tenantId, creditor_id: creditorId, created_at: now, updated_at: now },
            [
              ['debtor_id', 'text', d.map((x) => x.debtorId)],
              ['ref', 'text', d.map((x) => x.ref)],
              ['kind', 'text', d.map((x) => x.kind)],
              ['name', 'text', d.map((x) => x.name)],
              ['siren', 'text', d.map((x) => x.siren)],
              ['siret', 'text', d.map((x) => x.siret)],
              ['vat_number', 'text', d.map((x) => x.vatNumber)],
              ['language', 'text', d.map((x) => x.language)],
              ['time_zone', 'text', d.map((x) => x.timeZone)],
              ['tags', 'text', d.map((x) => x.tags ?? '[]')],
            ],
          ),
        );
      }
      if (b.debtorUpdates.length > 0) {
        const d = b.debtorUpdates;
        send(
          CompiledQuery.raw(
            'update debtors t set kind = u.kind, name = u.name, siren = coalesce(u.siren, t.siren), ' +
              'siret = coalesce(u.siret, t.siret), vat_number = coalesce(u.vat_number, t.vat_number), ' +
              'language = u.language, time_zone = u.time_zone, tags = coalesce(u.tags, t.tags), updated_at = $1 ' +
              'from unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], ' +
              '$10::text[], $11::text[]) ' +
              'as u(debtor_id, kind, name, siren, siret, vat_number, language, time_zone, tags) ' +
              'where t.tenant_id = $2 and t.debtor_id = u.debtor_id',
            [
              now,
              tenantId,
              arrayLiteral(d.map((x) => x.debtorId)),
              arrayLiteral(d.map((x) => x.kind)),
              arrayLiteral(d.map((x) => x.name)),
              arrayLiteral(d.map((x) => x.siren)),
              arrayLiteral(d.map((x) => x.siret)),
              arrayLiteral(d.map((x) => x.vatNumber)),
              arrayLiteral(d.map((x) => x.language)),
              arrayLiteral(d.map((x) => x.timeZone)),
              arrayLiteral(d.map((x) => x.tags)),
            ],
          ),
        );
      }
      if (b.contacts.length > 0) {
        const c = b.contacts;
        copy(
          ...copyInsert(
            'contacts',
            {
              tenant_id: tenantId,
              consent: 'unknown',
              source: `import:${importId}`,
              created_at: now,
              updated_at: now,
            },
            [
              ['contact_id', 'text', c.map((x) => x.contactId)],
              ['debtor_id', 'text', c.map((x) => x.debtorId)],
              ['kind', 'text', c.map((x) => x.kind)],
              ['value', 'text', c.map((x) => x.value)],
              ['label', 'text', c.map((x) => x.label)],
              ['address_line1', 'text', c.map((x) => x.addressLine1)],
              ['address_line2', 'text', c.map((x) => x.addressLine2)],
              ['postal_code', 'text', c.map((x) => x.postalCode)],
              ['city', 'text', c.map((x) => x.city)],
              ['country', 'text', c.map((x) => x.country)],
              ['validity', 'text', c.map((x) => x.validity)],
              ['raw', 'text', c.map((x) => x.raw)],
            ],
          ),
        );
      }
      if (b.cases.length > 0) {
        const c = b.cases;
        copy(
          ...copyInsert(
            'cases',
            { tenant_id: tenantId, creditor_id: creditorId, opened_at: now, updated_at: now },
            [
              ['case_id', 'text', c.map((x) => x.caseId)],
              ['debtor_id', 'text', c.map((x) => x.debtorId)],
              ['currency', 'text', c.map((x) => x.currency)],
              ['status', 'text', c.map((x) => caseStatusOf(x.totals))],
              ['outstanding_minor', 'bigint', c.map((x) => x.totals.outstandingMinor)],
              ['disputed_minor', 'bigint', c.map((x) => x.totals.disputedMinor)],
              ['claim_count', 'integer', c.map((x) => x.totals.claimCount)],
              ['open_claim_count', 'integer', c.map((x) => x.totals.openClaimCount)],
              ['oldest_due_date', 'text', c.map((x) => x.totals.oldestDueDate)],
              ['earliest_prescription_end', 'text', c.map((x) => x.totals.earliestPrescriptionEnd)],
            ],
          ),
        );
      }
      if (b.claimInserts.length > 0) copy(COPY_CLAIMS, claimsCopyRows(b.claimInserts, ctx));
      if (b.claimUpdates.length > 0) send(claimsUpdate(b.claimUpdates, ctx));
      if (b.rejections.length > 0) {
        const r = b.rejections;
        send(
          unnestInsert(
            'import_rejections',
            { tenant_id: tenantId, import_id: importId },
            [
              ['row_number', 'integer', r.map((x) => x.rowNumber)],
              ['column_name', 'text', r.map((x) => x.column)],
              ['reason', 'text', r.map((x) => x.reason)],
              ['message', 'text', r.map((x) => x.message)],
              ['raw', 'text', r.map((x) => x.raw)],
            ],
            ' on conflict do nothing',
          ),
        );
      }
    },

    async flush() {
      await pending.catch(() => {});
      if (failure !== null) throw failure;
    },
  };
}

function claimColumns(c: BatchWrite['claimInserts']): Column[] {
  return [
    ['claim_id', 'text', c.map((x) => x.claimId)],
    ['debtor_id', 'text', c.map((x) => x.debtorId)],
    ['case_id', 'text', c.map((x) => x.caseId)],
    ['invoice_number', 'text', c.map((x) => x.invoiceNumber)],
    ['issue_date', 'text', c.map((x) => x.issueDate)],
    ['due_date', 'text', c.map((x) => x.dueDate)],
    ['amount_minor', 'bigint', c.map((x) => x.amountMinor)],
    ['outstanding_minor', 'bigint', c.map((x) => x.outstandingMinor)],
    ['currency', 'text', c.map((x) => x.currency)],
    ['status', 'text', c.map((x) => x.status)],
    ['dispute_reason', 'text', c.map((x) => x.disputeReason)],
    ['prescription_basis', 'text', c.map((x) => x.prescriptionBasis)],
    ['prescription_end', 'text', c.map((x) => x.prescriptionEnd)],
    ['external_ref', 'text', c.map((x) => x.externalRef)],
    ['description', 'text', c.map((x) => x.description)],
    ['content_hash', 'text', c.map((x) => x.contentHash)],
  ];
}

/**
 * The rows `unnestInsert` takes (constants, then one array per column), as a COPY statement and its text.
 */
function copyInsert(
  table: string,
  constants: Readonly<Record<string, string>>,
  columns: readonly Column[],
): [statement: string, rows: string] {
  const names = [...Object.keys(constants), ...columns.map(([name]) => name)];
  const prefix = Object.values(constants).map(copyText).join('\t');
  const count = columns[0]?.[2].length ?? 0;
  let text = '';
  for (let i = 0; i < count; i++) {
    let line = prefix;
    for (const [, , values] of columns) {
      const v = values[i];
      line += `\t${v === null || v === undefined ? '\\N' : copyText(String(v))}`;
    }
    text += `${line}\n`;
  }
  return [`copy ${table} (${names.join(', ')}) from stdin`, text];
}

const COPY_CLAIMS =
  'copy claims (tenant_id, claim_id, creditor_id, debtor_id, case_id, invoice_number, issue_date, due_date, ' +
  'amount_minor, outstanding_minor, currency, status, dispute_reason, prescription_basis, prescription_end, ' +
  'external_ref, description, import_id, content_hash, created_at, updated_at, placement_id) from stdin';

/** New claims as COPY text: one line per claim, tab-separated, `\N` for null. */
function claimsCopyRows(claims: BatchWrite['claimInserts'], ctx: StoreContext): string {
  const head = `${copyText(ctx.tenantId)}\t`;
  const creditor = `\t${copyText(ctx.creditorId)}\t`;
  const tail = `\t${copyText(ctx.importId)}\t`;
  const stamps = `\t${copyText(ctx.now)}\t${copyText(ctx.now)}\t${copyText(ctx.placementId ?? null)}\n`;
  let text = '';
  for (const c of claims) {
    text +=
      head +
      copyText(c.claimId) +
      creditor +
      copyText(c.debtorId) +
      '\t' +
      copyText(c.caseId) +
      '\t' +
      copyText(c.invoiceNumber) +
      '\t' +
      copyText(c.issueDate) +
      '\t' +
      copyText(c.dueDate) +
      '\t' +
      String(c.amountMinor) +
      '\t' +
      String(c.outstandingMinor) +
      '\t' +
      copyText(c.currency) +
      '\t' +
      copyText(c.status) +
      '\t' +
      copyText(c.disputeReason) +
      '\t' +
      copyText(c.prescriptionBasis) +
      '\t' +
      copyText(c.prescriptionEnd) +
      '\t' +
      copyText(c.externalRef) +
      '\t' +
      copyText(c.description) +
      tail +
      copyText(c.contentHash) +
      stamps;
  }
  return text;
}

const COPY_SPECIAL = /[\\\t\n\r]/;
const COPY_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\\\',
  '\t': '\\t',
  '\n': '\\n',
  '\r': '\\r',
};

/** A value in COPY's text format: backslash, tab and line breaks escaped; null as `\N`. */
export function copyText(value: string | null): string {
  if (value === null) return '\\N';
  return COPY_SPECIAL.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPES[c]!) : value;
}

function claimsUpdate(claims: BatchWrite['claimUpdates'], ctx: StoreContext): CompiledQuery {
  const columns = claimColumns(claims);
  const params: unknown[] = [ctx.tenantId, ctx.importId, ctx.now];
  const arrays = columns.map(([, type, values]) => {
    params.push(arrayLiteral(values));
    return `$${params.length}::${type}[]`;
  });
  const names = columns.map(([name]) => name);
  const sets = names.filter((n) => n !== 'claim_id' && n !== 'invoice_number').map((n) => `${n} = u.${n}`);
  return CompiledQuery.raw(
    `update claims t set ${sets.join(', ')}, import_id = $2, updated_at = $3 ` +
      `from unnest(${arrays.join(', ')}) as u(${names.join(', ')}) ` +
      'where t.tenant_id = $1 and t.claim_id = u.claim_id',
    params,
  );
}

/**
 * A PostgreSQL array literal, '{"a","b",NULL}', passed as one text parameter: node-postgres would build
 * the same string, but generically and several times slower — and Node shares two cores with PostgreSQL.
 */
export function arrayLiteral(values: readonly unknown[]): string {
  let text = '{';
  for (let i = 0; i < values.length; i++) {
    if (i > 0) text += ',';
    const v = values[i];
    if (v === null || v === undefined) text += 'NULL';
    else if (typeof v === 'number') text += String(v);
    else {
      const s = String(v);
      text += s.includes('"') || s.includes('\\') ? `"${s.replace(/["\\]/g, '\\$&')}"` : `"${s}"`;
    }
  }
  return `${text}}`;
}
