import type { Kysely } from 'kysely';

/**
 * Agency mode (issue #7): what an agency agreed with each client, the claims each client handed over, the
 * success fee on every payment and the statements of what is remitted.
 *
 * - `mandates`: one per client creditor (CPCE R124-3): the commission rule (JSON: flat, by age of debt, by
 *   amount), VAT on the commission, whether the fee is deducted or invoiced, the strategies and plan limits
 *   allowed, the remittance frequency and delay (R124-6), the scope and the power to receive funds.
 * - `placements`: each batch of claims handed over (its day, label, count and amount), for vintage analysis;
 *   `claims.placement_id` names the batch that brought a claim (set when the claim is first imported),
 *   `imports.placement_id` the batch an import put its new claims in.
 * - `payment_commissions`: per allocation line of a payment, the base, the rate (exact decimal text), the
 *   commission, its VAT and the rule's step; a reversal adds the same row negated, on the day of the reversal.
 *   `remittance_id` is set when a statement takes the row: a row booked late goes to the next statement.
 * - `remittances`: one statement per client, period and currency — collected, commission, VAT, net to remit,
 *   due date — with its PDF, and its e-mail to the client (a small outbox of its own: the case outbox speaks
 *   to debtors).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const s = db.schema;

  await s
    .createTable('mandates')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('creditor_id', 'text', (c) => c.notNull())
    .addColumn('signed_on', 'text', (c) => c.notNull())
    // JSON CommissionRule (core/agency/mandate.ts)
    .addColumn('commission', 'text', (c) => c.notNull())
    // percent, exact decimal text ("20")
    .addColumn('vat_rate', 'text', (c) => c.notNull())
    // 'deduct' | 'invoice'
    .addColumn('fee_settlement', 'text', (c) => c.notNull())
    // JSON string[]: strategy keys
    .addColumn('allowed_strategies', 'text', (c) => c.notNull())
    .addColumn('max_instalments', 'integer', (c) => c.notNull())
    .addColumn('min_instalment_minor', 'bigint', (c) => c.notNull())
    // 'monthly' | 'fortnightly' | 'weekly'
    .addColumn('remittance_frequency', 'text', (c) => c.notNull())
    .addColumn('remittance_delay_days', 'integer', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('power_to_receive_funds', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addPrimaryKeyConstraint('mandates_pk', ['tenant_id', 'creditor_id'])
    .execute();

  await s
    .createTable('placements')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('placement_id', 'text', (c) => c.notNull())
    .addColumn('creditor_id', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('placed_on', 'text', (c) => c.notNull())
    .addColumn('claim_count', 'integer', (c) => c.notNull().defaultTo(0))
    // the claims' amounts in `currency` (the creditor's)
    .addColumn('amount_minor', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('currency', 'text', (c) => c.notNull())
    // the import that opened it
    .addColumn('import_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('placements_pk', ['tenant_id', 'placement_id'])
    .execute();
  await s
    .createIndex('placements_label_unique')
    .on('placements')
    .columns(['tenant_id', 'creditor_id', 'label'])
    .unique()
    .execute();
  await s.alterTable('claims').addColumn('placement_id', 'text').execute();
  await s.alterTable('imports').addColumn('placement_id', 'text').execute();
  // Partial: a creditor tenant's claims (no placement) cost the index nothing.
  await s
    .createIndex('claims_by_placement')
    .on('claims')
    .columns(['tenant_id', 'placement_id'])
    .where('placement_id', 'is not', null)
    .execute();

  await s
    .createTable('payment_commissions')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('payment_id', 'text', (c) => c.notNull())
    // the allocation line's seq
    .addColumn('seq', 'integer', (c) => c.notNull())
    // 'charge' | 'reversal'
    .addColumn('entry', 'text', (c) => c.notNull())
    .addColumn('creditor_id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('claim_id', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    // the payment's day received (charge) or the reversal's day
    .addColumn('booked_on', 'text', (c) => c.notNull())
    .addColumn('base_minor', 'bigint', (c) => c.notNull())
    .addColumn('rate', 'text', (c) => c.notNull())
    .addColumn('commission_minor', 'bigint', (c) => c.notNull())
    .addColumn('vat_rate', 'text', (c) => c.notNull())
    .addColumn('vat_minor', 'bigint', (c) => c.notNull())
    .addColumn('rule_step', 'text', (c) => c.notNull())
    .addColumn('remittance_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('payment_commissions_pk', ['tenant_id', 'payment_id', 'seq', 'entry'])
    .execute();
  await s
    .createIndex('payment_commissions_to_remit')
    .on('payment_commissions')
    .columns(['tenant_id', 'creditor_id', 'remittance_id', 'booked_on'])
    .execute();

  await s
    .createTable('remittances')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('remittance_id', 'text', (c) => c.notNull())
    .addColumn('creditor_id', 'text', (c) => c.notNull())
    // '2026-10', '2026-10-F2', '2026-W42'
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('period_start', 'text', (c) => c.notNull())
    .addColumn('period_end', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('fee_settlement', 'text', (c) => c.notNull())
    .addColumn('payment_count', 'integer', (c) => c.notNull())
    .addColumn('collected_minor', 'bigint', (c) => c.notNull())
    .addColumn('commission_minor', 'bigint', (c) => c.notNull())
    .addColumn('vat_minor', 'bigint', (c) => c.notNull())
    .addColumn('net_minor', 'bigint', (c) => c.notNull())
    .addColumn('invoiced_minor', 'bigint', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    // 'draft' | 'issued' | 'paid'
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('document_id', 'text')
    .addColumn('issued_at', 'text')
    .addColumn('paid_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    // The statement's e-mail to the client: 'none' (no address) | 'planned' | 'sending' | 'sent' | 'failed'
    // | 'unconfirmed' (interrupted while the SMTP server had it: a person decides, as in decision 0005)
    .addColumn('email_status', 'text', (c) => c.notNull())
    .addColumn('email_to', 'text')
    .addColumn('email_attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('email_error', 'text')
    .addColumn('email_claimed_until', 'text')
    .addColumn('emailed_at', 'text')
    .addColumn('email_document_id', 'text')
    .addPrimaryKeyConstraint('remittances_pk', ['tenant_id', 'remittance_id'])
    .execute();
  await s
    .createIndex('remittances_period_unique')
    .on('remittances')
    .columns(['tenant_id', 'creditor_id', 'period', 'currency'])
    .unique()
    .execute();
  await s
    .createIndex('remittances_by_email')
    .on('remittances')
    .columns(['tenant_id', 'email_status'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const s = db.schema;
  for (const table of ['remittances', 'payment_commissions', 'placements', 'mandates']) {
    await s.dropTable(table).execute();
  }
  await s.dropIndex('claims_by_placement').execute();
  await s.alterTable('claims').dropColumn('placement_id').execute();
  await s.alterTable('imports').dropColumn('placement_id').execute();
}
