import type { Kysely } from 'kysely';

/** Tenants, users, access, the claims ledger, imports and the audit log. Portable SQL only. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const s = db.schema;
  const money = 'bigint' as const;

  await s
    .createTable('tenants')
    .addColumn('tenant_id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await s
    .createTable('users')
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.tenant_id'))
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('creditor_id', 'text')
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('disabled_at', 'text')
    .addPrimaryKeyConstraint('users_pk', ['tenant_id', 'user_id'])
    .execute();
  await s.createIndex('users_email_unique').on('users').column('email').unique().execute();

  await s
    .createTable('sessions')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('session_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('sessions_pk', ['tenant_id', 'session_id'])
    .execute();
  await s.createIndex('sessions_id_unique').on('sessions').column('session_id').unique().execute();

  await s
    .createTable('api_keys')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('api_key_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_prefix', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('creditor_id', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .addColumn('revoked_at', 'text')
    .addPrimaryKeyConstraint('api_keys_pk', ['tenant_id', 'api_key_id'])
    .execute();
  await s.createIndex('api_keys_hash_unique').on('api_keys').column('token_hash').unique().execute();

  await s
    .createTable('creditors')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('creditor_id', 'text', (c) => c.notNull())
    .addColumn('ref', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('siren', 'text')
    .addColumn('is_professional', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('creditors_pk', ['tenant_id', 'creditor_id'])
    .execute();
  await s
    .createIndex('creditors_ref_unique')
    .on('creditors')
    .columns(['tenant_id', 'ref'])
    .unique()
    .execute();

  await s
    .createTable('debtors')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('debtor_id', 'text', (c) => c.notNull())
    .addColumn('creditor_id', 'text', (c) => c.notNull())
    .addColumn('ref', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('siren', 'text')
    .addColumn('siret', 'text')
    .addColumn('vat_number', 'text')
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('tags', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('debtors_pk', ['tenant_id', 'debtor_id'])
    .execute();
  await s
    .createIndex('debtors_ref_unique')
    .on('debtors')
    .columns(['tenant_id', 'creditor_id', 'ref'])
    .unique()
    .execute();
  await s.createIndex('debtors_name').on('debtors').columns(['tenant_id', 'name']).execute();

  await s
    .createTable('contacts')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('contact_id', 'text', (c) => c.notNull())
    .addColumn('debtor_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('label', 'text')
    .addColumn('address_line1', 'text')
    .addColumn('address_line2', 'text')
    .addColumn('postal_code', 'text')
    .addColumn('city', 'text')
    .addColumn('country', 'text')
    .addColumn('validity', 'text', (c) => c.notNull())
    .addColumn('consent', 'text', (c) => c.notNull())
    .addColumn('raw', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('contacts_pk', ['tenant_id', 'contact_id'])
    .execute();
  await s
    .createIndex('contacts_identity_unique')
    .on('contacts')
    .columns(['tenant_id', 'debtor_id', 'kind', 'value'])
    .unique()
    .execute();

  await s
    .createTable('cases')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('creditor_id', 'text', (c) => c.notNull())
    .addColumn('debtor_id', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('outstanding_minor', money, (c) => c.notNull())
    .addColumn('disputed_minor', money, (c) => c.notNull())
    .addColumn('claim_count', 'integer', (c) => c.notNull())
    .addColumn('open_claim_count', 'integer', (c) => c.notNull())
    .addColumn('oldest_due_date', 'text')
    .addColumn('earliest_prescription_end', 'text')
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('cases_pk', ['tenant_id', 'case_id'])
    .execute();
  await s
    .createIndex('cases_identity_unique')
    .on('cases')
    .columns(['tenant_id', 'creditor_id', 'debtor_id', 'currency'])
    .unique()
    .execute();
  await s.createIndex('cases_by_balance').on('cases').columns(['tenant_id', 'outstanding_minor']).execute();
  await s.createIndex('cases_by_age').on('cases').columns(['tenant_id', 'oldest_due_date']).execute();
  await s.createIndex('cases_by_debtor').on('cases').columns(['tenant_id', 'debtor_id']).execute();

  await s
    .createTable('claims')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('claim_id', 'text', (c) => c.notNull())
    .addColumn('creditor_id', 'text', (c) => c.notNull())
    .addColumn('debtor_id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('invoice_number', 'text', (c) => c.notNull())
    .addColumn('issue_date', 'text')
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('amount_minor', money, (c) => c.notNull())
    .addColumn('outstanding_minor', money, (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('dispute_reason', 'text')
    .addColumn('prescription_basis', 'text', (c) => c.notNull())
    .addColumn('prescription_end', 'text', (c) => c.notNull())
    .addColumn('external_ref', 'text')
    .addColumn('description', 'text')
    .addColumn('import_id', 'text')
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('claims_pk', ['tenant_id', 'claim_id'])
    .execute();
  await s
    .createIndex('claims_invoice_unique')
    .on('claims')
    .columns(['tenant_id', 'creditor_id', 'invoice_number'])
    .unique()
    .execute();
  await s.createIndex('claims_by_case').on('claims').columns(['tenant_id', 'case_id']).execute();
  await s.createIndex('claims_by_debtor').on('claims').columns(['tenant_id', 'debtor_id']).execute();

  await s
    .createTable('imports')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('import_id', 'text', (c) => c.notNull())
    .addColumn('creditor_id', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('mapping', 'text', (c) => c.notNull())
    .addColumn('total_rows', 'integer', (c) => c.notNull())
    .addColumn('inserted', 'integer', (c) => c.notNull())
    .addColumn('updated', 'integer', (c) => c.notNull())
    .addColumn('unchanged', 'integer', (c) => c.notNull())
    .addColumn('rejected', 'integer', (c) => c.notNull())
    .addColumn('error_file', 'text')
    .addColumn('error', 'text')
    .addColumn('created_by', 'text')
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addPrimaryKeyConstraint('imports_pk', ['tenant_id', 'import_id'])
    .execute();

  await s
    .createTable('import_rejections')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('import_id', 'text', (c) => c.notNull())
    .addColumn('row_number', 'integer', (c) => c.notNull())
    .addColumn('column_name', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('raw', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('import_rejections_pk', ['tenant_id', 'import_id', 'row_number', 'column_name'])
    .execute();

  await s
    .createTable('audit_log')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('audit_id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_kind', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity_kind', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('audit_log_pk', ['tenant_id', 'audit_id'])
    .execute();
  await s
    .createIndex('audit_by_entity')
    .on('audit_log')
    .columns(['tenant_id', 'entity_kind', 'entity_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'audit_log',
    'import_rejections',
    'imports',
    'claims',
    'cases',
    'contacts',
    'debtors',
    'creditors',
    'api_keys',
    'sessions',
    'users',
    'tenants',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
