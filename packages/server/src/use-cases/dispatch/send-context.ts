import type { SmtpTransport } from '../../channels/email/smtp-sender.ts';
import type { SmsProvider } from '../../channels/sms/sms-provider.ts';
import type { Db } from '../../db/schema.ts';

/** What sending one action needs: the database, who dispatches, the instant, and the open providers. */
export type SendContext = {
  readonly db: Db;
  readonly tenantId: string;
  readonly dispatcherId: string;
  readonly now: string;
  readonly today: string;
  /** SMTP transports opened during this dispatch, by settings, closed at its end. */
  readonly transports: Map<string, SmtpTransport>;
  readonly sms: SmsProvider;
};
