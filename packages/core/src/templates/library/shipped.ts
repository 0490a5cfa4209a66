import type { Language } from '../variables.ts';
import { CALLS } from './calls.ts';
import { EMAILS } from './emails.ts';
import { LETTERS } from './letters.ts';
import type { ShippedTemplate, TemplateChannel } from './shipped-types.ts';
import { SMS } from './sms.ts';

export type { ShippedTemplate, TemplateChannel } from './shipped-types.ts';
export { TEMPLATE_CHANNELS } from './shipped-types.ts';

export const SHIPPED_TEMPLATES: readonly ShippedTemplate[] = [...EMAILS, ...SMS, ...LETTERS, ...CALLS];

export function shippedTemplate(
  key: string,
  channel: TemplateChannel,
  language: Language,
): ShippedTemplate | undefined {
  return SHIPPED_TEMPLATES.find((t) => t.key === key && t.channel === channel && t.language === language);
}

/** The template channel an action of the strategy uses: every letter kind is a letter, every call a script. */
export function templateChannelOf(actionChannel: string): TemplateChannel | null {
  switch (actionChannel) {
    case 'email':
    case 'sms':
      return actionChannel;
    case 'letter':
    case 'registered_letter':
    case 'formal_notice':
    case 'agency_handover':
      return 'letter';
    case 'call_task':
    case 'ivr_call':
      return 'call';
    default:
      return null;
  }
}
