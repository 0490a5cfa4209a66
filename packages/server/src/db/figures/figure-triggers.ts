import { contributionSelect, type FigureSpec, groupedContributions, insertDeltas } from './figure-specs.ts';

/**
 * The statements that create the triggers keeping the figures, per engine.
 *
 * SQLite has row triggers only: each change appends its one or two contributions. PostgreSQL's statement
 * triggers see the statement's rows as transition tables and append one grouped row per key, so an
 * import of 5,000 rows adds a few dozen deltas, not 10,000.
 */
/** `claims_figures`, `claims_cohorts`…: a second spec over the same source has its own triggers. */
const stemOf = (spec: FigureSpec) => `${spec.source}_${spec.triggerStem ?? 'figures'}`;
const debtorTriggerOf = (spec: FigureSpec) => `debtors_${spec.triggerStem ?? 'figures'}_kind`;

export function sqliteFigureTriggers(spec: FigureSpec): readonly string[] {
  const t = spec.source;
  const stem = stemOf(spec);
  const when = (row: string) => (spec.sqliteWhen ? ` where ${spec.sqliteWhen(row)}` : '');
  const add = (row: 'new' | 'old', sign: 1 | -1) =>
    insertDeltas(spec, `${contributionSelect(spec, row, sign, '')}${when(row)}`);
  const statements = [
    `create trigger ${stem}_insert after insert on ${t} begin ${add('new', 1)}; end`,
    `create trigger ${stem}_update after update of ${spec.watched.join(', ')} on ${t} ` +
      `begin ${add('old', -1)}; ${add('new', 1)}; end`,
    `create trigger ${stem}_delete after delete on ${t} begin ${add('old', -1)}; end`,
  ];
  if (spec.source === 'claims') statements.push(sqliteDebtorKindTrigger(spec));
  return statements;
}

export function postgresFigureTriggers(spec: FigureSpec): readonly string[] {
  const t = spec.source;
  const stem = stemOf(spec);
  const fromNew = contributionSelect(spec, 'n', 1, 'new_rows n');
  const fromOld = contributionSelect(spec, 'o', -1, 'old_rows o');
  const fn = (name: string, contributions: string) =>
    `create function ${name}() returns trigger language plpgsql as $$ begin ` +
    `${insertDeltas(spec, groupedContributions(spec, contributions))}; return null; end $$`;
  const trigger = (event: string, transition: string, name: string) =>
    `create trigger ${stem}_${event} after ${event} on ${t} referencing ${transition} ` +
    `for each statement execute function ${name}()`;
  const statements = [
    fn(`${stem}_inserted`, fromNew),
    fn(`${stem}_updated`, `${fromOld} union all ${fromNew}`),
    fn(`${stem}_deleted`, fromOld),
    trigger('insert', 'new table as new_rows', `${stem}_inserted`),
    trigger('update', 'old table as old_rows new table as new_rows', `${stem}_updated`),
    trigger('delete', 'old table as old_rows', `${stem}_deleted`),
  ];
  if (spec.source === 'claims') statements.push(...postgresDebtorKindTrigger(spec));
  return statements;
}

/** The claims of the debtor(s) whose kind changed, reached through their cases (claims have no debtor index). */
const claimsOfDebtor = (debtor: string) =>
  `claims k where k.tenant_id = ${debtor}.tenant_id and k.case_id in ` +
  `(select c.case_id from cases c where c.tenant_id = ${debtor}.tenant_id and c.debtor_id = ${debtor}.debtor_id)`;

/** A debtor that turns from business to consumer moves its claims to the other segment. */
function sqliteDebtorKindTrigger(spec: FigureSpec): string {
  const claims = `${claimsOfDebtor('new')}${spec.sqliteWhen ? ` and ${spec.sqliteWhen('k')}` : ''}`;
  const moved = (kind: string, sign: 1 | -1) =>
    insertDeltas(spec, contributionSelect(spec, 'k', sign, claims, { segment: kind }));
  return (
    `create trigger ${debtorTriggerOf(spec)} after update of kind on debtors when old.kind is not new.kind ` +
    `begin ${moved('old.kind', -1)}; ${moved('new.kind', 1)}; end`
  );
}

function postgresDebtorKindTrigger(spec: FigureSpec): readonly string[] {
  const name = debtorTriggerOf(spec);
  const changed =
    'old_rows o join new_rows n on n.tenant_id = o.tenant_id and n.debtor_id = o.debtor_id ' +
    'and o.kind is distinct from n.kind join claims k on k.tenant_id = n.tenant_id and k.case_id in ' +
    '(select c.case_id from cases c where c.tenant_id = n.tenant_id and c.debtor_id = n.debtor_id)';
  const contributions =
    `${contributionSelect(spec, 'k', -1, changed, { segment: 'o.kind' })} union all ` +
    contributionSelect(spec, 'k', 1, changed, { segment: 'n.kind' });
  return [
    `create function ${name}() returns trigger language plpgsql as $$ begin ` +
      `${insertDeltas(spec, groupedContributions(spec, contributions))}; return null; end $$`,
    `create trigger ${name} after update on debtors ` +
      'referencing old table as old_rows new table as new_rows for each statement ' +
      `execute function ${name}()`,
  ];
}
