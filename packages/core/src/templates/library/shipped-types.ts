import type { Language } from '../variables.ts';

export type TemplateChannel = 'email' | 'sms' | 'letter' | 'call';
export const TEMPLATE_CHANNELS: readonly TemplateChannel[] = ['email', 'sms', 'letter', 'call'];

/** A template as shipped with Relance: the text a tenant starts from until it saves its own version. */
export type ShippedTemplate = {
  readonly key: string;
  readonly channel: TemplateChannel;
  readonly language: Language;
  /** E-mails only. */
  readonly subject: string | null;
  readonly body: string;
};
