import type { IvrScreen } from '../../../channels/voice/ivr/ivr-screens.ts';
import type { Deps } from '../../../shared/deps.ts';
import { askReference, identified } from './identify-caller.ts';
import { findAttemptByRef, isIdentified } from './ivr-attempt-read.ts';
import { updateIvrAttempt } from './ivr-attempts.ts';
import { callLanguage, type IvrCall } from './ivr-context.ts';
import { expireTransfers, waitingTransfer } from './transfer-codes.ts';

/**
 * A call reaches the IVR's number: greet and ask for the reference — or, when the telephony forwarded an
 * agent's transfer with its code in the URL (`?transfer=123456`), go straight to the case, in the debtor's
 * language when the IVR speaks it.
 */
export async function answerCall(deps: Deps, call: IvrCall, transferCode: string | null): Promise<IvrScreen> {
  const db = deps.database.db;
  if (transferCode) {
    const now = deps.clock.now();
    const provider = call.settings.provider;
    const screen = await db.transaction().execute(async (trx) => {
      const own = await findAttemptByRef(trx, call.tenantId, provider, call.callSid);
      if (isIdentified(own)) return identified(deps, trx, call, own, 'repeat');
      await expireTransfers(trx, call.tenantId, provider, now);
      const transfer = own ? null : await waitingTransfer(trx, call.tenantId, provider, transferCode, now);
      if (!transfer) return null;
      const debtor = await trx
        .selectFrom('cases as c')
        .innerJoin('debtors as d', (j) =>
          j.onRef('d.tenant_id', '=', 'c.tenant_id').onRef('d.debtor_id', '=', 'c.debtor_id'),
        )
        .select('d.language')
        .where('c.tenant_id', '=', call.tenantId)
        .where('c.case_id', '=', transfer.caseId)
        .executeTakeFirst();
      const spoken = call.settings.languages.find((l) => l === debtor?.language) ?? callLanguage(call);
      const inLanguage = { ...call, language: spoken };
      await updateIvrAttempt(
        trx,
        transfer,
        call.tenantId,
        {
          providerRef: call.callSid,
          live: { stage: 'caller_identified', language: spoken, callSid: call.callSid },
        },
        now,
      );
      return identified(deps, trx, inLanguage, transfer, 'transfer');
    });
    if (screen) return screen;
  }
  const tenant = await db
    .selectFrom('tenants')
    .select('name')
    .where('tenant_id', '=', call.tenantId)
    .executeTakeFirst();
  return askReference(call, callLanguage(call), 1, 'none', tenant?.name ?? '');
}
