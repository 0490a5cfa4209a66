import type { FigureSpec } from './figure-specs.ts';

/** The engines (as `database.ts` names them; not imported from there, which the migrations import). */
type Dialect = 'sqlite' | 'postgres';

/**
 * The agencies' comparison at a million claims (issue #7, migration 0021), in two layers kept by triggers:
 *
 * 1. Each hand-over carries what its agency's booked collections make of it: `collected_minor`, `fees_minor`,
 *    `first_days` (days from the hand-over to its first payment) and `full_days` (to the payment completing the
 *    amount handed) — recomputed from its lines whenever a line, or a payment a line points to, changes.
 * 2. `agency_figures` sums the hand-overs by creditor, agency, currency, day handed and those two delays, so the
 *    comparison (sums, and medians from the counts by delay) reads a few thousand rows, however many cases the
 *    agencies were handed.
 */
export const AGENCY_FIGURES: FigureSpec = {
  source: 'agency_handovers',
  figures: 'agency_figures',
  deltas: 'agency_figure_deltas',
  keys: [
    { name: 'tenant_id', expression: (r) => `${r}.tenant_id` },
    { name: 'creditor_id', expression: (r) => `${r}.creditor_id` },
    { name: 'agency_id', expression: (r) => `${r}.agency_id` },
    { name: 'currency', expression: (r) => `${r}.currency` },
    { name: 'handed_on', expression: (r) => `${r}.handed_on` },
    // '' when none paid (yet).
    { name: 'first_days', expression: (r) => `coalesce(cast(${r}.first_days as text), '')` },
    { name: 'full_days', expression: (r) => `coalesce(cast(${r}.full_days as text), '')` },
  ],
  measures: [
    { name: 'handover_count', expression: () => '1' },
    { name: 'handed_minor', expression: (r) => `${r}.amount_minor` },
    { name: 'collected_minor', expression: (r) => `${r}.collected_minor` },
    { name: 'fees_minor', expression: (r) => `${r}.fees_minor` },
  ],
  watched: [
    'creditor_id',
    'agency_id',
    'currency',
    'handed_on',
    'amount_minor',
    'collected_minor',
    'fees_minor',
    'first_days',
    'full_days',
  ],
};

const h = 'agency_handovers';

/** The lines of the hand-over being updated whose payment is booked, as `alias` (their payment as `<alias>p`). */
const booked = (alias: string) =>
  `agency_collections ${alias} join payments ${alias}p on ${alias}p.tenant_id = ${alias}.tenant_id ` +
  `and ${alias}p.payment_id = ${alias}.payment_id and ${alias}p.status = 'booked' ` +
  `where ${alias}.tenant_id = ${h}.tenant_id and ${alias}.handover_id = ${h}.handover_id`;

/**
 * `update agency_handovers set <its facts from its lines> where <which>`: the same rules as the core's
 * `agencyTotals` — the first payment is the earliest line; the hand-over is paid in full on the first day its
 * lines up to that day add up to the amount handed (none for an amount of zero).
 */
export function handoverFactsUpdate(dialect: Dialect, which: string): string {
  const days = (date: string) =>
    dialect === 'sqlite'
      ? `cast(julianday(${date}) - julianday(${h}.handed_on) as integer)`
      : `((${date})::date - ${h}.handed_on::date)`;
  return (
    `update ${h} set ` +
    `collected_minor = coalesce((select sum(l.amount_minor) from ${booked('l')}), 0), ` +
    `fees_minor = coalesce((select sum(l.fee_minor) from ${booked('l')}), 0), ` +
    `first_days = (select ${days('min(l.collected_on)')} from ${booked('l')}), ` +
    `full_days = case when ${h}.amount_minor > 0 then (select ${days('min(l.collected_on)')} from ${booked('l')} ` +
    `and (select sum(m.amount_minor) from ${booked('m')} and m.collected_on <= l.collected_on) >= ${h}.amount_minor) end ` +
    `where ${which}`
  );
}

/** The hand-overs whose lines point to a payment. */
const ofPayment = (row: string) =>
  `tenant_id = ${row}.tenant_id and handover_id in (select c.handover_id from agency_collections c ` +
  `where c.tenant_id = ${row}.tenant_id and c.payment_id = ${row}.payment_id)`;
const ofLine = (row: string) => `tenant_id = ${row}.tenant_id and handover_id = ${row}.handover_id`;

/** The triggers keeping the hand-overs' facts, per engine. */
export function handoverFactsTriggers(dialect: Dialect): readonly string[] {
  const update = (which: string) => handoverFactsUpdate(dialect, which);
  if (dialect === 'sqlite') {
    return [
      `create trigger agency_collections_facts_insert after insert on agency_collections begin ${update(ofLine('new'))}; end`,
      `create trigger agency_collections_facts_update after update on agency_collections begin ${update(ofLine('old'))}; ${update(ofLine('new'))}; end`,
      `create trigger agency_collections_facts_delete after delete on agency_collections begin ${update(ofLine('old'))}; end`,
      `create trigger payments_agency_facts_insert after insert on payments begin ${update(ofPayment('new'))}; end`,
      `create trigger payments_agency_facts_update after update of status on payments when old.status is not new.status begin ${update(ofPayment('new'))}; end`,
      `create trigger payments_agency_facts_delete after delete on payments begin ${update(ofPayment('old'))}; end`,
    ];
  }
  const fn = (name: string, body: string) =>
    `create function ${name}() returns trigger language plpgsql as $$ begin ${body} return null; end $$`;
  return [
    fn(
      'agency_collections_facts',
      `if tg_op in ('UPDATE', 'DELETE') then ${update(ofLine('old'))}; end if; ` +
        `if tg_op in ('INSERT', 'UPDATE') then ${update(ofLine('new'))}; end if;`,
    ),
    fn(
      'payments_agency_facts',
      `if tg_op = 'DELETE' then ${update(ofPayment('old'))}; ` +
        `elsif tg_op = 'INSERT' or old.status is distinct from new.status then ${update(ofPayment('new'))}; end if;`,
    ),
    'create trigger agency_collections_facts after insert or update or delete on agency_collections ' +
      'for each row execute function agency_collections_facts()',
    'create trigger payments_agency_facts after insert or update of status or delete on payments ' +
      'for each row execute function payments_agency_facts()',
  ];
}
