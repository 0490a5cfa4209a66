import { type AttemptTarget, resolveTarget } from './attempt-target.ts';

/** The provider's id for the attempt (Checkout Session, call SID): later events find the attempt by it. */
export async function setAttemptProviderRef(
  target: AttemptTarget,
  input: { readonly tenantId: string; readonly attemptId: string; readonly providerRef: string },
  now?: string,
): Promise<void> {
  const { db, now: at } = resolveTarget(target, now);
  await db
    .updateTable('payment_attempts')
    .set({ provider_ref: input.providerRef, updated_at: at })
    .where('tenant_id', '=', input.tenantId)
    .where('attempt_id', '=', input.attemptId)
    .execute();
}
