import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../../app/api/client.ts';

/** A postal address as the server stores it: one to three street lines, postal code, city, ISO country. */
export type Address = {
  readonly lines: readonly string[];
  readonly postalCode: string;
  readonly city: string;
  readonly country: string;
};

/** The tenant's letterhead and the account that receives payments (`GET /settings/identity`). */
export type TenantIdentity = {
  readonly legalName: string;
  readonly address: Address | null;
  readonly email: string | null;
  readonly phone: string | null;
  readonly registration: string | null;
  readonly signatory: string | null;
  readonly iban: string | null;
  readonly bic: string | null;
  readonly activityStatement: string | null;
  /** An agency's particulars (CPCE R124-2): insurer and policy, declaration to the public prosecutor. */
  readonly insurer?: string | null;
  readonly insurancePolicy?: string | null;
  readonly declarationCourt?: string | null;
  readonly declarationDate?: string | null;
};

export type IdentityView = {
  readonly kind: 'creditor' | 'agency';
  readonly identity: TenantIdentity | null;
};

/** A creditor's letterhead and bank details (`GET /creditors/:id/details`). */
export type CreditorDetails = {
  readonly address: Address | null;
  readonly email: string | null;
  readonly phone: string | null;
  readonly registration: string | null;
  readonly legalForm: string | null;
  readonly iban: string | null;
  readonly bic: string | null;
};

export const SMTP_SECURITIES = ['tls', 'starttls', 'opportunistic', 'none'] as const;
export type SmtpSecurity = (typeof SMTP_SECURITIES)[number];

type EmailSettingsCommon = {
  readonly host: string;
  readonly port: number;
  readonly security: SmtpSecurity;
  readonly user: string | null;
  readonly fromName: string | null;
  readonly fromAddress: string;
  readonly replyTo: string | null;
  readonly readReceipt: boolean;
};

/** The SMTP settings without the password; null when the server knows no SMTP server at all. */
export type EmailSettingsView = EmailSettingsCommon & {
  readonly passwordSet: boolean;
  /** 'environment': the server's RELANCE_SMTP_URL, used until the tenant saves its own. */
  readonly source: 'tenant' | 'environment' | 'none';
};

/** `password` omitted keeps the tenant's stored one, null removes it, a text replaces it. */
export type EmailSettingsInput = EmailSettingsCommon & { readonly password?: string | null };

export const SMS_PROVIDERS = ['builtin', 'twilio'] as const;
export type SmsProvider = (typeof SMS_PROVIDERS)[number];

type SmsSettingsCommon = {
  readonly provider: SmsProvider;
  readonly accountSid: string | null;
  readonly fromNumber: string | null;
  readonly messagingServiceSid: string | null;
  readonly transliterate: boolean;
};

export type SmsSettingsView = SmsSettingsCommon & { readonly authTokenSet: boolean };

/** `authToken` omitted keeps the stored token (the server has no way to remove it). */
export type SmsSettingsInput = SmsSettingsCommon & { readonly authToken?: string };

export const identityQuery = queryOptions({
  queryKey: ['settings', 'identity'],
  queryFn: ({ signal }) => apiRequest<IdentityView>('/settings/identity', { signal }),
});

export function creditorDetailsQuery(creditorId: string) {
  return queryOptions({
    queryKey: ['settings', 'creditor-details', creditorId],
    queryFn: async ({ signal }) =>
      (
        await apiRequest<{ details: CreditorDetails | null }>(
          `/creditors/${encodeURIComponent(creditorId)}/details`,
          { signal },
        )
      ).details,
  });
}

export const emailSettingsQuery = queryOptions({
  queryKey: ['settings', 'email'],
  queryFn: ({ signal }) => apiRequest<EmailSettingsView | null>('/settings/channels/email', { signal }),
});

export const smsSettingsQuery = queryOptions({
  queryKey: ['settings', 'sms'],
  queryFn: ({ signal }) => apiRequest<SmsSettingsView>('/settings/channels/sms', { signal }),
});

export function saveIdentity(identity: TenantIdentity): Promise<IdentityView> {
  return apiRequest('/settings/identity', { method: 'PUT', json: identity });
}

export async function saveCreditorDetails(
  creditorId: string,
  details: CreditorDetails,
): Promise<CreditorDetails> {
  const answer = await apiRequest<{ details: CreditorDetails }>(
    `/creditors/${encodeURIComponent(creditorId)}/details`,
    { method: 'PUT', json: details },
  );
  return answer.details;
}

export function saveEmailSettings(input: EmailSettingsInput): Promise<EmailSettingsView> {
  return apiRequest('/settings/channels/email', { method: 'PUT', json: input });
}

export function saveSmsSettings(input: SmsSettingsInput): Promise<SmsSettingsView> {
  return apiRequest('/settings/channels/sms', { method: 'PUT', json: input });
}
