import { isCurrencyCode, minorToDecimalString } from '@relance/core';
import { z } from 'zod';
import type { ImportSummary } from '../use-cases/imports/import-claims.ts';
import { apiPrefix } from './paths.ts';
import { isoDate } from './schemas.ts';

/** The answers of the import routes, and the JSON import's body turned into rows for `importClaims`. */

const rowIssue = z.object({
  row: z
    .number()
    .int()
    .describe('Line in the file as a spreadsheet shows it (JSON: 1-based index in `claims`)'),
  column: z.string(),
  reason: z.string(),
  message: z.string(),
});

export const importSummarySchema = z.object({
  importId: z.string(),
  creditorId: z.string(),
  fileName: z.string(),
  format: z.enum(['csv', 'xlsx', 'json']),
  totalRows: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
  rejections: z.array(rowIssue).readonly().describe('The first 1000; all are in rejectionsCsvUrl'),
  warned: z.number().int(),
  warnings: z.array(rowIssue).readonly().describe('Rows kept with something to check (the first 1000)'),
  rejectionsCsvUrl: z
    .string()
    .nullable()
    .describe('Where to download every rejected row, when there are some'),
  mapping: z.object({
    columns: z.record(z.string(), z.string().nullable()),
    dateOrder: z.string(),
    decimalSeparator: z.string(),
    currency: z.string(),
    debtorKind: z.enum(['business', 'consumer']).nullable(),
    delimiter: z.string().nullable(),
    encoding: z.string().nullable(),
  }),
  placementId: z
    .string()
    .nullable()
    .describe(
      'The placement (batch handed over to the agency) the new claims went into; null outside agency mode',
    ),
  durationMs: z.number().int(),
});

/** The summary for the API: a download link instead of the error file's path on the server. */
export function toImportAnswer(summary: ImportSummary): z.output<typeof importSummarySchema> {
  const { errorFile: _serverPath, ...rest } = summary;
  return {
    ...rest,
    rejectionsCsvUrl: summary.rejected > 0 ? `${apiPrefix}/imports/${summary.importId}/rejections.csv` : null,
  };
}

export const importPreviewSchema = z.object({
  format: z.enum(['csv', 'xlsx', 'json']),
  encoding: z.string().nullable(),
  delimiter: z.string().nullable(),
  headers: z.array(z.string()).readonly(),
  mapping: z
    .record(z.string(), z.string().nullable())
    .describe('Each field of Relance → the header that fills it'),
  missingRequired: z.array(z.string()).readonly().describe('Empty when the file can be imported as mapped'),
  dateOrder: z.string(),
  decimalSeparator: z.string(),
  sampleRows: z
    .array(z.record(z.string(), z.string()))
    .readonly()
    .describe('The first 10 rows, header → value'),
  unmappedHeaders: z.array(z.string()).readonly(),
  fields: z.array(z.string()).readonly().describe('Every field a column can be mapped to'),
  requirements: z
    .record(z.string(), z.array(z.string()).readonly())
    .describe(
      'Each requirement and the fields any one of which meets it (an amount or an outstanding balance…)',
    ),
});

const text = (max: number) => z.string().trim().min(1).max(max);

const jsonClaim = z.object({
  creditor: text(100)
    .optional()
    .describe('The creditor’s ref or name, when given per claim: a claim naming another is rejected'),
  invoiceNumber: text(100),
  issueDate: isoDate.optional(),
  dueDate: isoDate,
  amountMinor: z.number().int().positive().describe('Invoice amount, minor units'),
  outstandingMinor: z
    .number()
    .int()
    .min(0)
    .optional()
    .describe('What is left to pay; the amount when absent'),
  currency: z.string().refine(isCurrencyCode, 'an ISO 4217 code such as EUR'),
  disputed: z.boolean().optional(),
  disputeReason: text(500).optional(),
  settledDate: isoDate.optional(),
  externalRef: text(200).optional(),
  description: text(1000).optional(),
  debtor: z.object({
    ref: text(100).optional().describe('Your customer id; derived from the SIREN or the name when absent'),
    name: text(300),
    kind: z.enum(['business', 'consumer']).optional(),
    siren: text(20).optional(),
    siret: text(20).optional(),
    vatNumber: text(30).optional(),
    email: text(320).optional(),
    phone: text(40).optional(),
    mobile: text(40).optional(),
    language: z.enum(['fr', 'en']).optional(),
    tags: z
      .array(text(40).regex(/^[^,;|\r\n]+$/, 'a tag without , ; | or line break'))
      .max(20)
      .optional()
      .describe('Replaces the debtor’s tags (e.g. "senior", "actif"); absent or empty keeps those on file'),
    address: z
      .object({
        line1: text(300).optional(),
        line2: text(300).optional(),
        postalCode: text(20).optional(),
        city: text(200).optional(),
        country: text(60).optional(),
      })
      .optional(),
  }),
});

export const jsonImportBody = z.object({
  creditor: text(100)
    .optional()
    .describe('The creditor’s ref; required but for a client, which places for its own creditor only'),
  fileName: text(200).optional().describe('A label for the import history; "api.json" by default'),
  claims: z.array(jsonClaim).min(1).max(50_000),
  placement: text(120).optional().describe('The placement (batch handed over) the new claims go into'),
});

type JsonClaim = z.output<typeof jsonClaim>;

/** One row per claim, keyed by the import's field names, with amounts as decimal text ('1200.00'). */
export function claimsToRows(claims: readonly JsonClaim[]): Record<string, string>[] {
  return claims.map((c) => {
    const d = c.debtor;
    const row: Record<string, string | undefined> = {
      creditor: c.creditor,
      invoice_number: c.invoiceNumber,
      issue_date: c.issueDate,
      due_date: c.dueDate,
      amount: minorToDecimalString(c.amountMinor, c.currency),
      outstanding:
        c.outstandingMinor === undefined ? undefined : minorToDecimalString(c.outstandingMinor, c.currency),
      currency: c.currency,
      disputed: c.disputed === undefined ? undefined : c.disputed ? 'yes' : 'no',
      dispute_reason: c.disputeReason,
      settled_date: c.settledDate,
      external_ref: c.externalRef,
      description: c.description,
      debtor_ref: d.ref,
      debtor_name: d.name,
      debtor_kind: d.kind,
      siren: d.siren,
      siret: d.siret,
      vat_number: d.vatNumber,
      email: d.email,
      phone: d.phone,
      mobile: d.mobile,
      language: d.language,
      tags: d.tags?.join('|'),
      address_line1: d.address?.line1,
      address_line2: d.address?.line2,
      postal_code: d.address?.postalCode,
      city: d.address?.city,
      country: d.address?.country,
    };
    return Object.fromEntries(Object.entries(row).filter((e): e is [string, string] => e[1] !== undefined));
  });
}

/** Each field named by itself: nothing is guessed, dates are ISO and amounts use a dot. */
export function jsonRowsMapping(rows: readonly Record<string, string>[]) {
  // The creditor named per claim is checked against the import's (creditor-column.ts), not mapped to a field.
  const present = new Set(rows.flatMap((r) => Object.keys(r)).filter((k) => k !== 'creditor'));
  return {
    columns: Object.fromEntries([...present].map((field) => [field, field])),
    dateOrder: 'ymd' as const,
    decimalSeparator: '.' as const,
  };
}
