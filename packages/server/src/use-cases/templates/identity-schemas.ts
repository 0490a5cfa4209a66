import { compactIban, isValidBic, isValidIban } from '@relance/core';
import { z } from 'zod';

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .default(null);

const iban = z
  .string()
  .trim()
  .transform((v) => (v === '' ? null : compactIban(v)))
  .nullable()
  .default(null)
  .refine((v) => v === null || isValidIban(v), {
    message: 'IBAN invalide (clé mod 97) / invalid IBAN (mod-97 check)',
  });
const bic = z
  .string()
  .trim()
  .transform((v) => (v === '' ? null : v.replace(/\s+/g, '').toUpperCase()))
  .nullable()
  .default(null)
  .refine((v) => v === null || isValidBic(v), { message: 'BIC invalide / invalid BIC' });

/** A postal address as printed: up to three street lines, postal code, city, ISO country. */
export const addressSchema = z.object({
  lines: z.array(text(100)).min(1).max(3),
  postalCode: text(16),
  city: text(80),
  country: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2}$/)
    .transform((v) => v.toUpperCase())
    .default('FR'),
});

/** What a letter prints about a creditor, beyond its name: `creditors.details` (JSON). */
export const creditorDetailsSchema = z.object({
  address: addressSchema.nullable().default(null),
  email: z.email().nullable().default(null),
  phone: optionalText(40),
  /** "SIREN 552 100 554", "RCS Lyon 552 100 554". */
  registration: optionalText(120),
  legalForm: optionalText(60),
  iban,
  bic,
});
export type CreditorDetails = z.output<typeof creditorDetailsSchema>;

/** The tenant's own identity, printed as the sender: tenant_settings key `identity` (JSON). */
export const tenantIdentitySchema = z.object({
  legalName: text(160),
  address: addressSchema.nullable().default(null),
  email: z.email().nullable().default(null),
  phone: optionalText(40),
  registration: optionalText(120),
  /** Who signs ("Service recouvrement"). */
  signatory: optionalText(120),
  /** The account that receives payments; for an agency, its dedicated account (CPCE R124-2 2°). */
  iban,
  bic,
  /** An agency's statement that it carries on amicable collection (R124-4 1°); required for an agency. */
  activityStatement: optionalText(300),
  /** An agency's professional liability insurer and policy number (R124-2 1°), printed on its letters. */
  insurer: optionalText(160),
  insurancePolicy: optionalText(80),
  /** Where and when the agency declared its activity to the public prosecutor (R124-2 3°): "tribunal judiciaire de Lyon". */
  declarationCourt: optionalText(160),
  declarationDate: z.iso.date().nullable().default(null),
});
export type TenantIdentity = z.output<typeof tenantIdentitySchema>;

export const DEFAULT_ACTIVITY_STATEMENT = {
  fr: 'Société exerçant une activité de recouvrement amiable de créances pour le compte d’autrui.',
  en: 'Company carrying on an amicable debt-collection activity on behalf of others.',
} as const;

/** The lines of an address as printed in a window envelope, country last when abroad. */
export function addressLines(
  address: { lines: readonly string[]; postalCode: string; city: string; country: string } | null,
): string[] | null {
  if (!address) return null;
  const lines = [...address.lines, `${address.postalCode} ${address.city}`];
  if (address.country !== 'FR') lines.push(COUNTRY_NAMES[address.country] ?? address.country);
  return lines;
}

const COUNTRY_NAMES: Readonly<Record<string, string>> = {
  BE: 'BELGIQUE',
  CH: 'SUISSE',
  DE: 'ALLEMAGNE',
  ES: 'ESPAGNE',
  GB: 'ROYAUME-UNI',
  IT: 'ITALIE',
  LU: 'LUXEMBOURG',
  MC: 'MONACO',
};
