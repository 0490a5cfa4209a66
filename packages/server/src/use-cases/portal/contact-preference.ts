import { DomainError } from '@relance/core';
import type { Deps } from '../../shared/deps.ts';
import { journalDebtorAction } from './debtor-actor.ts';
import { withPortalAccess } from './portal-access.ts';
import { type PortalContact, portalContacts } from './portal-agreements.ts';

/**
 * The debtor stops (or allows again) messages to one of their e-mail addresses or phone numbers: the contact's
 * `opted_out_at`, which the compliance gate honours for every channel that uses it (a phone: SMS and calls).
 * Each change is journaled; asking for the state it is already in changes nothing.
 */
export function setContactPreference(
  deps: Deps,
  key: string,
  cookie: string | undefined,
  contactId: string,
  optedOut: boolean,
): Promise<readonly PortalContact[]> {
  const now = deps.clock.now();
  return withPortalAccess(deps, key, cookie, async (trx, access) => {
    const contact = (await portalContacts(trx, access)).find((c) => c.id === contactId);
    if (!contact) {
      throw new DomainError('not_found', 'Contact not found.', { reason: 'portal_contact_not_found' });
    }
    if (contact.optedOut !== optedOut) {
      await trx
        .updateTable('contacts')
        .set({ opted_out_at: optedOut ? now : null, updated_at: now })
        .where('tenant_id', '=', access.tenantId)
        .where('contact_id', '=', contactId)
        .execute();
      await journalDebtorAction(trx, {
        tenantId: access.tenantId,
        caseId: access.caseId,
        at: now,
        kind: 'contact_preference',
        action: 'portal.contact_preference',
        entityKind: 'contact',
        entityId: contactId,
        payload: { contactId, channel: contact.kind, contact: contact.masked, optedOut },
      });
    }
    return portalContacts(trx, access);
  });
}
