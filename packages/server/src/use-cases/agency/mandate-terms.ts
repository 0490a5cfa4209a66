import {
  type CommissionRule,
  checkMandate,
  DomainError,
  describeMandateIssue,
  FEE_SETTLEMENTS,
  type MandateTerms,
  REMITTANCE_FREQUENCIES,
} from '@relance/core';
import type { Selectable } from 'kysely';
import { z } from 'zod';
import type { MandatesTable } from '../../db/schema-agency.ts';

const rate = z.string().trim().describe('Percent as an exact decimal: "15", "12.5"');

export const commissionRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('flat'), rate }),
  z.object({
    kind: z.literal('age'),
    measuredAt: z.enum(['placement', 'payment']),
    bands: z
      .array(z.object({ fromDays: z.number().int(), rate }))
      .max(20)
      .readonly(),
  }),
  z.object({
    kind: z.literal('amount'),
    bands: z
      .array(z.object({ fromMinor: z.number().int(), rate }))
      .max(20)
      .readonly(),
  }),
]);

/** A mandate as typed by an administrator (the API's body, the demo's terms). */
export const mandateTermsSchema = z.object({
  signedOn: z.string(),
  commission: commissionRuleSchema,
  vatRate: rate.default('20'),
  feeSettlement: z.enum(FEE_SETTLEMENTS as ['deduct', 'invoice']).default('deduct'),
  allowedStrategies: z.array(z.string().trim().min(1).max(80)).max(50).readonly(),
  planLimits: z.object({
    maxInstalments: z.number().int(),
    minInstalmentMinor: z.number().int(),
  }),
  remittance: z.object({
    frequency: z.enum(REMITTANCE_FREQUENCIES as ['monthly', 'fortnightly', 'weekly']).default('monthly'),
    delayDays: z.number().int(),
  }),
  scope: z.string().trim().max(1000),
  powerToReceiveFunds: z.boolean(),
});

/** Reads and checks a mandate: the shape with zod, the business rules with the core's `checkMandate`. */
export function parseMandateTerms(input: unknown): MandateTerms {
  const parsed = mandateTermsSchema.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({
      field: i.path.map(String).join('.'),
      code: 'malformed',
      message: {
        fr: `Champ manquant ou mal formé (${i.message})`,
        en: `Missing or malformed (${i.message})`,
      },
    }));
    throw new DomainError('invalid_input', 'The mandate is not well formed.', {
      reason: 'mandate_invalid',
      issues,
    });
  }
  const terms: MandateTerms = parsed.data;
  const issues = checkMandate(terms);
  if (issues.length > 0) {
    throw new DomainError(
      'invalid_input',
      `The mandate is refused: ${issues.map((i) => `${i.field}: ${describeMandateIssue(i, 'en')}`).join('; ')}`,
      {
        reason: 'mandate_invalid',
        issues: issues.map((i) => ({
          field: i.field,
          code: i.code,
          message: { fr: describeMandateIssue(i, 'fr'), en: describeMandateIssue(i, 'en') },
        })),
      },
    );
  }
  return terms;
}

/** The stored row as terms; the JSON columns were written by `parseMandateTerms`. */
export function termsOfRow(row: Selectable<MandatesTable>): MandateTerms {
  return {
    signedOn: row.signed_on,
    commission: JSON.parse(row.commission) as CommissionRule,
    vatRate: row.vat_rate,
    feeSettlement: row.fee_settlement,
    allowedStrategies: JSON.parse(row.allowed_strategies) as string[],
    planLimits: {
      maxInstalments: Number(row.max_instalments),
      minInstalmentMinor: Number(row.min_instalment_minor),
    },
    remittance: {
      frequency: row.remittance_frequency,
      delayDays: Number(row.remittance_delay_days),
    },
    scope: row.scope,
    powerToReceiveFunds: Number(row.power_to_receive_funds) === 1,
  };
}

/** The terms as the row's columns. */
export function rowOfTerms(terms: MandateTerms) {
  return {
    signed_on: terms.signedOn,
    commission: JSON.stringify(terms.commission),
    vat_rate: terms.vatRate,
    fee_settlement: terms.feeSettlement,
    allowed_strategies: JSON.stringify(terms.allowedStrategies),
    max_instalments: terms.planLimits.maxInstalments,
    min_instalment_minor: terms.planLimits.minInstalmentMinor,
    remittance_frequency: terms.remittance.frequency,
    remittance_delay_days: terms.remittance.delayDays,
    scope: terms.scope,
    power_to_receive_funds: terms.powerToReceiveFunds ? 1 : 0,
  };
}
