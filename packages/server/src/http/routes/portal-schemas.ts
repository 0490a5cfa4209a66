import { PLAN_FREQUENCIES } from '@relance/core';
import { z } from 'zod';
import { DISPUTE_REASONS } from '../../use-cases/workspace/disputes/dispute-texts.ts';
import { idParam, isoDate, localeSchema, minor } from '../schemas.ts';

/** The responses and bodies of the debtor's portal (issue #6). Nothing here is a staff-only field. */

export const keyParams = z.object({
  key: z.string().min(4).max(200).describe('The signed token of the link, or the RF reference of a letter'),
});

const otherWays = z.object({
  beneficiary: z.string(),
  iban: z.string().nullable(),
  bic: z.string().nullable(),
  reference: z.string().describe('The RF reference to quote with a transfer, grouped by four'),
  phone: z.string().nullable(),
  email: z.string().nullable(),
});

export const portalEntry = z.object({
  state: z.enum(['check', 'open', 'settled', 'expired', 'revoked', 'locked']),
  creditorName: z.string(),
  language: localeSchema,
  hasBalance: z.boolean(),
  attemptsLeft: z.number().int(),
  otherWays: otherWays.nullable().describe('Set when the link no longer opens the case'),
});

const claim = z.object({
  id: z.string(),
  invoiceNumber: z.string(),
  issueDate: z.string().nullable(),
  dueDate: z.string(),
  amountMinor: minor,
  outstandingMinor: minor.describe('Still asked: the outstanding less what is under dispute'),
  disputedMinor: minor,
  status: z.enum(['open', 'disputed', 'paid', 'cancelled']),
});

const contact = z.object({
  id: z.string(),
  kind: z.enum(['email', 'phone']),
  masked: z.string(),
  optedOut: z.boolean(),
});
export const contactList = z.array(contact).readonly();

const dateAmount = z.object({ dueOn: z.string(), amountMinor: minor });
const planPolicy = z.object({
  maxInstalments: z.number().int(),
  maxMonths: z.number().int(),
  minInstalmentMinor: minor,
  minDownPaymentPercent: z.number().int(),
  allowedFrequencies: z.array(z.enum(PLAN_FREQUENCIES)).readonly(),
});

export const portalCase = z.object({
  reference: z.string(),
  creditorName: z.string(),
  debtor: z.object({ name: z.string(), kind: z.enum(['business', 'consumer']), language: localeSchema }),
  currency: z.string(),
  claims: z.array(claim).readonly(),
  balance: z.object({
    principalMinor: minor,
    interestMinor: minor,
    feesMinor: minor.describe('Fixed compensation for recovery costs'),
    totalMinor: minor,
    disputedMinor: minor,
    paidMinor: minor,
    creditMinor: minor,
  }),
  interest: z.object({
    regime: z.enum(['fr-b2b', 'fr-legal', 'eu', 'uk']).nullable(),
    contractRate: z.string().nullable(),
  }),
  transfer: otherWays,
  limits: z.object({
    minPaymentMinor: minor,
    maxPaymentMinor: minor,
    plan: planPolicy,
    promiseHorizonDays: z.number().int(),
  }),
  promise: z
    .object({ id: z.string(), schedule: z.array(dateAmount).readonly(), madeOn: z.string() })
    .nullable(),
  plan: z
    .object({
      id: z.string(),
      totalMinor: minor,
      agreedOn: z.string(),
      instalments: z
        .array(
          dateAmount.extend({
            seq: z.number().int(),
            status: z.enum(['pending', 'paid', 'partly_paid', 'missed']),
            paidMinor: minor,
          }),
        )
        .readonly(),
    })
    .nullable(),
  disputes: z
    .array(
      z.object({
        id: z.string(),
        status: z.enum(['open', 'resolved', 'rejected', 'withdrawn']),
        reason: z.string(),
        amountMinor: minor,
        invoiceNumbers: z.array(z.string()).readonly(),
        documentCount: z.number().int(),
        openedOn: z.string(),
      }),
    )
    .readonly(),
  callback: z.object({ at: z.string() }).nullable(),
  contacts: contactList,
  payments: z.array(z.object({ amountMinor: minor, receivedOn: z.string(), method: z.string() })).readonly(),
});

export const attemptView = z.object({
  id: z.string(),
  status: z.enum(['started', 'succeeded', 'failed', 'abandoned']),
  amountMinor: minor,
  currency: z.string(),
  paid: z.boolean().describe('The payment is booked on the case'),
});

export const promiseBody = z.object({
  schedule: z
    .array(z.object({ dueOn: isoDate, amountMinor: minor.positive() }))
    .min(1)
    .max(12),
  note: z.string().max(1000).optional(),
});

export const promiseAnswer = z.object({
  id: z.string(),
  schedule: z.array(dateAmount).readonly(),
  amountMinor: minor,
  currency: z.string(),
  status: z.string(),
  confirmation: z.object({ channel: z.string(), status: z.string() }).nullable(),
});

export const planBody = z.object({
  count: z.number().int().min(1).max(120),
  frequency: z.enum(PLAN_FREQUENCIES),
  firstDueOn: isoDate.optional(),
  downPaymentMinor: minor.min(0).optional(),
});

export const violation = z.object({
  code: z.string(),
  limit: z.union([z.number(), z.string()]),
  actual: z.union([z.number(), z.string()]),
  message: z.string().describe('In the debtor’s language'),
});

export const planPreview = z.object({
  currency: z.string(),
  totalMinor: minor,
  downPaymentMinor: minor,
  instalments: z.array(dateAmount.extend({ seq: z.number().int() })).readonly(),
  violations: z.array(violation).readonly(),
});

export const planAnswer = z.object({
  id: z.string(),
  totalMinor: minor,
  currency: z.string(),
  instalments: z.array(dateAmount.extend({ seq: z.number().int() })).readonly(),
});

export const disputeBody = z.object({
  reason: z.enum(DISPUTE_REASONS),
  description: z.string().max(5000).optional(),
  claimIds: z.array(idParam).min(1).max(500),
});

export const linkView = z.object({
  id: z.string(),
  caseId: z.string(),
  via: z.enum(['token', 'reference']),
  actionId: z.string().nullable().describe('The outbox message that carried it'),
  createdAt: z.string().describe('When the debtor first opened it'),
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
  openedCount: z.number().int(),
  lastOpenedAt: z.string().nullable(),
  failedChecks: z.number().int(),
  locked: z.boolean(),
  verifiedAt: z.string().nullable(),
});
