import { EMAIL_SETTING, type EmailSettings } from '../packages/server/src/channels/email/email-settings.ts';
import type { DatabaseHandle } from '../packages/server/src/db/database.ts';
import type { Actor } from '../packages/server/src/shared/actor.ts';
import { fixedClock } from '../packages/server/src/shared/clock.ts';
import type { Deps } from '../packages/server/src/shared/deps.ts';
import { ensureCreditor } from '../packages/server/src/use-cases/imports/ensure-creditor.ts';
import { importClaims } from '../packages/server/src/use-cases/imports/import-claims.ts';

export const benchTenant = 'bench-tenant';
/** A Monday: 10:00 to 12:00 in Paris, inside every contact window. */
export const dispatchDay = '2026-03-02';
/** Each channel is due at its own instant, so that one `dispatchDue` at that instant takes only that channel. */
export const dueAt = {
  email: `${dispatchDay}T09:00:00.000Z`,
  sms: `${dispatchDay}T10:00:00.000Z`,
  letter: `${dispatchDay}T11:00:00.000Z`,
} as const;

export type Planned = { readonly emails: number; readonly sms: number; readonly letters: number };

const templates = { email: 'reminder-email', sms: 'reminder-sms', letter: 'reminder-letter' } as const;

function claimRow(i: number) {
  const n = String(i + 1).padStart(6, '0');
  const phone = String(10_000_000 + i).slice(-8);
  return {
    'N° facture': `F-${n}`,
    'Date facture': '2026-01-10',
    "Date d'échéance": '2026-02-10',
    'Montant TTC': `${1_000 + (i % 900)},50`,
    'Reste à payer': `${1_000 + (i % 900)},50`,
    'Raison sociale': `Débiteur ${n} SARL`,
    'E-mail': `debiteur-${n}@example.org`,
    Téléphone: `06 ${phone.slice(0, 2)} ${phone.slice(2, 4)} ${phone.slice(4, 6)} ${phone.slice(6, 8)}`,
    Adresse: `${(i % 120) + 1} rue de la République`,
    'Code postal': '69002',
    Ville: 'Lyon',
  };
}

/**
 * The outbox of a day whose run planned `emails` e-mails, `sms` SMS and `letters` reminder letters: one case
 * per action (one debtor each, imported through `importClaims` with an e-mail, a mobile and a postal address),
 * the actions written as the daily run writes them, and SMTP settings pointing at `smtpPort` (no TLS, no auth).
 */
export async function seedDispatchPortfolio(
  handle: DatabaseHandle,
  planned: Planned,
  smtpPort: number,
): Promise<void> {
  const deps: Deps = { database: handle, clock: fixedClock(`${dispatchDay}T06:00:00.000Z`), dataDir: '/tmp' };
  await handle.db
    .insertInto('tenants')
    .values({
      tenant_id: benchTenant,
      name: 'Bench',
      kind: 'creditor',
      locale: 'fr',
      created_at: dispatchDay,
    })
    .execute();
  const actor: Actor = { tenantId: benchTenant, kind: 'user', id: 'bench', role: 'admin', creditorId: null };
  await ensureCreditor(deps, actor, { ref: 'ELAN', name: 'Société Élan', isProfessional: true });
  const total = planned.emails + planned.sms + planned.letters;
  await importClaims(deps, actor, {
    creditorRef: 'ELAN',
    source: { kind: 'rows', rows: Array.from({ length: total }, (_, i) => claimRow(i)) },
  });
  const settings: EmailSettings = {
    host: '127.0.0.1',
    port: smtpPort,
    security: 'none',
    user: null,
    password: null,
    fromName: 'Société Élan — Recouvrement',
    fromAddress: 'recouvrement@elan.example',
    replyTo: null,
    readReceipt: true,
  };
  await handle.db
    .insertInto('tenant_settings')
    .values({
      tenant_id: benchTenant,
      key: EMAIL_SETTING,
      value: JSON.stringify(settings),
      version: 1,
      updated_by: null,
      updated_at: `${dispatchDay}T00:00:00Z`,
    })
    .execute();
  const cases = await handle.db
    .selectFrom('cases')
    .select('case_id')
    .where('tenant_id', '=', benchTenant)
    .orderBy('case_id')
    .execute();
  const channels = [
    ...Array<'email'>(planned.emails).fill('email'),
    ...Array<'sms'>(planned.sms).fill('sms'),
    ...Array<'letter'>(planned.letters).fill('letter'),
  ];
  const rows = channels.map((channel, i) => actionRow(cases[i]?.case_id ?? '', channel, i));
  for (let i = 0; i < rows.length; i += 500) {
    await handle.db
      .insertInto('actions')
      .values(rows.slice(i, i + 500))
      .execute();
  }
}

function actionRow(caseId: string, channel: 'email' | 'sms' | 'letter', i: number) {
  const actionId = `act-${String(i).padStart(7, '0')}-${caseId.slice(-12)}`;
  return {
    tenant_id: benchTenant,
    action_id: actionId,
    case_id: caseId,
    action_key: `b2b-standard:1:${templates[channel]}:${i}`,
    run_id: null,
    planned_on: dispatchDay,
    scheduled_at: dueAt[channel],
    channel,
    template: templates[channel],
    language: 'fr' as const,
    purpose: 'reminder',
    status: 'planned' as const,
    strategy_key: 'b2b-standard',
    strategy_version: 1,
    step_key: templates[channel],
    reason: JSON.stringify({ reason: { code: 'step_due', params: { step: templates[channel] } }, notes: [] }),
    gate: '{}',
    amounts: null,
    created_at: `${dispatchDay}T05:00:00.000Z`,
  };
}
