import type { Kysely } from 'kysely';

/**
 * Agencies compared side by side (issue #7): a creditor that hands cases to outside agencies.
 *
 * - `outside_agencies`: the agencies a tenant hands cases to — name, legal id, e-mail, the commission agreed
 *   (percent, exact decimal text, and its VAT) and the `share` a strategy's hand-over gives each when it splits
 *   cases between several (champion/challenger, by a hash of the case id; 0: only when named alone).
 * - `agency_handovers`: each hand-over — case, agency, day, the amount handed (collectable balance then),
 *   recalled on —; `action_id` is the strategy's action that made it (unique: a dispatch retried never doubles it).
 * - `agency_collections`: each line an agency reports as collected (reference, amount, day, its fee), booked as a
 *   payment of channel `agency` (`payment_id`) through the ordinary payment path; `line_key` keeps a report sent
 *   twice from being booked twice.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const s = db.schema;
  await s
    .createTable('outside_agencies')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('agency_id', 'text', (c) => c.notNull())
    // a short key strategies name it by ('recouvra')
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    // SIREN / SIRET or a foreign registration
    .addColumn('legal_id', 'text')
    .addColumn('email', 'text')
    // percent, exact decimal text ("18.5"), and the VAT on it ("20")
    .addColumn('commission_rate', 'text', (c) => c.notNull())
    .addColumn('vat_rate', 'text', (c) => c.notNull())
    .addColumn('share', 'integer', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('outside_agencies_pk', ['tenant_id', 'agency_id'])
    .execute();
  await s
    .createIndex('outside_agencies_key_unique')
    .on('outside_agencies')
    .columns(['tenant_id', 'key'])
    .unique()
    .execute();

  await s
    .createTable('agency_handovers')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('handover_id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('agency_id', 'text', (c) => c.notNull())
    .addColumn('creditor_id', 'text', (c) => c.notNull())
    .addColumn('handed_on', 'text', (c) => c.notNull())
    .addColumn('amount_minor', 'bigint', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('action_id', 'text')
    .addColumn('recalled_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('agency_handovers_pk', ['tenant_id', 'handover_id'])
    .execute();
  await s
    .createIndex('agency_handovers_by_case')
    .on('agency_handovers')
    .columns(['tenant_id', 'case_id'])
    .execute();
  await s
    .createIndex('agency_handovers_action_unique')
    .on('agency_handovers')
    .columns(['tenant_id', 'action_id'])
    .unique()
    .where('action_id', 'is not', null)
    .execute();

  await s
    .createTable('agency_collections')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('line_id', 'text', (c) => c.notNull())
    .addColumn('agency_id', 'text', (c) => c.notNull())
    .addColumn('handover_id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('line_key', 'text', (c) => c.notNull())
    // as the agency wrote it: a payment reference or an invoice number
    .addColumn('reference', 'text', (c) => c.notNull())
    .addColumn('amount_minor', 'bigint', (c) => c.notNull())
    .addColumn('fee_minor', 'bigint', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('collected_on', 'text', (c) => c.notNull())
    .addColumn('payment_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('agency_collections_pk', ['tenant_id', 'line_id'])
    .execute();
  await s
    .createIndex('agency_collections_line_unique')
    .on('agency_collections')
    .columns(['tenant_id', 'agency_id', 'line_key'])
    .unique()
    .execute();
  await s
    .createIndex('agency_collections_by_handover')
    .on('agency_collections')
    .columns(['tenant_id', 'handover_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['agency_collections', 'agency_handovers', 'outside_agencies']) {
    await db.schema.dropTable(table).execute();
  }
}
