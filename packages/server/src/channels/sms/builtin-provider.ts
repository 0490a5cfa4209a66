import { smsLength, toGsm7 } from '@relance/core';
import { newId } from '../../db/ids.ts';
import type { Deps } from '../../shared/deps.ts';
import type { SmsMessage, SmsProvider, SmsSent } from './sms-message.ts';
import type { SmsSettings } from './sms-settings.ts';

export const BUILTIN_SMS = 'builtin-sms';

/**
 * The offline provider of the demo: the message is kept in `builtin_sms` and counts as delivered at once
 * (a delivery message event is recorded for the action whose message id is the idempotency key). A request
 * re-sent with the same key returns the message already stored.
 */
export function builtinSmsProvider(deps: Deps, tenantId: string, settings: SmsSettings): SmsProvider {
  return {
    name: BUILTIN_SMS,
    idempotent: true,
    async send(message: SmsMessage): Promise<SmsSent> {
      const body = settings.transliterate ? toGsm7(message.body) : message.body;
      const length = smsLength(body);
      const now = deps.clock.now();
      return deps.database.db.transaction().execute(async (trx) => {
        await trx
          .insertInto('builtin_sms')
          .values({
            tenant_id: tenantId,
            message_id: `SM${newId().replaceAll('-', '')}`,
            idempotency_key: message.idempotencyKey,
            to_number: message.to,
            from_number: message.from ?? settings.fromNumber,
            body,
            encoding: length.encoding,
            segments: length.segments,
            status: 'delivered',
            created_at: now,
          })
          .onConflict((oc) => oc.columns(['tenant_id', 'idempotency_key']).doNothing())
          .execute();
        const stored = await trx
          .selectFrom('builtin_sms')
          .select(['message_id', 'status', 'segments', 'encoding', 'created_at', 'body'])
          .where('tenant_id', '=', tenantId)
          .where('idempotency_key', '=', message.idempotencyKey)
          .executeTakeFirstOrThrow();
        const action = await trx
          .selectFrom('actions')
          .select(['action_id', 'case_id'])
          .where('tenant_id', '=', tenantId)
          // The dispatcher's SMS idempotency key is the action's id (its primary key: no scan of the outbox).
          .where('action_id', '=', message.idempotencyKey)
          .executeTakeFirst();
        await trx
          .insertInto('message_events')
          .values({
            tenant_id: tenantId,
            event_id: newId(),
            action_id: action?.action_id ?? null,
            case_id: action?.case_id ?? null,
            at: stored.created_at,
            kind: 'delivered',
            provider: BUILTIN_SMS,
            provider_event_id: `${stored.message_id}:delivered`,
            detail: JSON.stringify({ status: 'delivered', to: message.to }),
          })
          .onConflict((oc) => oc.columns(['tenant_id', 'provider', 'provider_event_id']).doNothing())
          .execute();
        return {
          provider: BUILTIN_SMS,
          providerMessageId: stored.message_id,
          status: stored.status,
          segments: stored.segments,
          encoding: stored.encoding,
          body: stored.body,
        };
      });
    },
  };
}
