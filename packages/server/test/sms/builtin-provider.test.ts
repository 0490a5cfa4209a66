import { expect, it } from 'vitest';
import { smsProviderFor } from '../../src/channels/sms/sms-provider.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { smsWorld } from './world.ts';

describeEachDatabase('built-in SMS provider', (ctx) => {
  it('is the default; stores the message once per idempotency key and records its delivery', async () => {
    const w = await smsWorld(ctx.handle);
    const actionId = await w.addAction({
      channel: 'sms',
      scheduledAt: '2026-11-24T09:00:00.000Z',
      status: 'sending',
    });
    const provider = await smsProviderFor(w.deps, w.tenantId);
    expect(provider).toMatchObject({ name: 'builtin-sms', idempotent: true });
    const message = {
      to: w.phone,
      from: null,
      body: 'Votre facture F-1 reste due : « merci » de régler l’échéance.',
      // The dispatcher's idempotency key for an SMS is its action's id.
      idempotencyKey: actionId,
      statusCallbackUrl: null,
    };
    const first = await provider.send(message);
    const again = await provider.send(message);
    expect(again).toEqual(first);
    expect(first).toMatchObject({
      provider: 'builtin-sms',
      status: 'delivered',
      segments: 1,
      encoding: 'GSM-7',
      // The text as it left, transliterated to GSM-7.
      body: 'Votre facture F-1 reste due : " merci " de régler l\'échéance.',
    });
    const stored = await ctx.handle.db
      .selectFrom('builtin_sms')
      .select(['message_id', 'to_number', 'body', 'encoding'])
      .where('tenant_id', '=', w.tenantId)
      .execute();
    expect(stored).toEqual([
      {
        message_id: first.providerMessageId,
        to_number: '+33612345678',
        body: 'Votre facture F-1 reste due : " merci " de régler l\'échéance.',
        encoding: 'GSM-7',
      },
    ]);
    const events = await ctx.handle.db
      .selectFrom('message_events')
      .select(['kind', 'action_id', 'case_id'])
      .where('tenant_id', '=', w.tenantId)
      .execute();
    expect(events).toEqual([{ kind: 'delivered', action_id: actionId, case_id: w.caseId }]);
  });

  it('keeps UCS-2 when the tenant turns transliteration off', async () => {
    const w = await smsWorld(ctx.handle);
    await ctx.handle.db
      .insertInto('tenant_settings')
      .values({
        tenant_id: w.tenantId,
        key: 'channels.sms',
        value: JSON.stringify({ provider: 'builtin', transliterate: false }),
        version: 1,
        updated_by: null,
        updated_at: '2026-11-24T09:00:00.000Z',
      })
      .execute();
    const provider = await smsProviderFor(w.deps, w.tenantId);
    const sent = await provider.send({
      to: w.phone,
      from: null,
      body: 'Échéance dépassée : « merci »',
      idempotencyKey: 'k2',
      statusCallbackUrl: null,
    });
    expect(sent).toMatchObject({ encoding: 'UCS-2', segments: 1 });
  });

  it('picks Twilio when the tenant chose it', async () => {
    const w = await smsWorld(ctx.handle);
    await ctx.handle.db
      .insertInto('tenant_settings')
      .values({
        tenant_id: w.tenantId,
        key: 'channels.sms',
        value: JSON.stringify({
          provider: 'twilio',
          accountSid: 'AC1',
          authToken: 't',
          fromNumber: '+33700000000',
        }),
        version: 1,
        updated_by: null,
        updated_at: '2026-11-24T09:00:00.000Z',
      })
      .execute();
    expect(await smsProviderFor(w.deps, w.tenantId)).toMatchObject({ name: 'twilio', idempotent: false });
  });
});
