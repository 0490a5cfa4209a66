import type { Deps } from '../../shared/deps.ts';
import { builtinSmsProvider } from './builtin-provider.ts';
import { twilioApiUrl } from './sms-environment.ts';
import type { SmsProvider } from './sms-message.ts';
import { readSmsSettings } from './sms-settings.ts';
import { twilioSmsProvider } from './twilio-provider.ts';

export type { SmsMessage, SmsProvider, SmsSent } from './sms-message.ts';
export { SmsSendError } from './sms-message.ts';

/** The tenant's SMS provider, from its `channels.sms` settings (the built-in store when none is set). */
export async function smsProviderFor(deps: Deps, tenantId: string): Promise<SmsProvider> {
  const settings = await readSmsSettings(deps.database.db, tenantId);
  switch (settings.provider) {
    case 'builtin':
      return builtinSmsProvider(deps, tenantId, settings);
    case 'twilio':
      return twilioSmsProvider(settings, { apiBaseUrl: twilioApiUrl() });
  }
}
