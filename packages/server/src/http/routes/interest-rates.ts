import type { EnteredRate } from '@relance/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../shared/deps.ts';
import { enterInterestRate } from '../../use-cases/rates/enter-rate.ts';
import { listInterestRates } from '../../use-cases/rates/list-rates.ts';
import { actorOf } from '../auth.ts';
import { errors, isoDate } from '../schemas.ts';

const rateTable = z
  .enum(['ecb-mro', 'fr-legal-rate', 'uk-boe-reference'])
  .describe('ECB main refinancing rate (B2B, EU), French legal rate, Bank of England reference rate');
const percent = z.string().nullable().describe('Percent, exact decimal text, e.g. "2.15"');

const rateRowSchema = z.object({
  table: rateTable,
  period: z.string().describe('YYYY-S1 (January–June) or YYYY-S2 (July–December)'),
  ratePercent: percent,
  individual: percent,
  otherCases: percent,
  referenceDate: z.string().nullable(),
  status: z.string().describe('official or derived (see legal-rules.md)'),
  origin: z.enum(['shipped', 'entered']),
  source: z.string(),
  enteredBy: z.string().nullable(),
  enteredAt: z.string().nullable(),
});

const ratesSchema = z.object({
  asOf: isoDate,
  rates: z.array(rateRowSchema).readonly(),
  missing: z.array(z.object({ table: rateTable, period: z.string() })).readonly(),
});

const entryBody = z.object({
  ratePercent: z.string().max(12).optional().describe('ecb-mro and uk-boe-reference'),
  individual: z.string().max(12).optional().describe('fr-legal-rate: creditor a private person'),
  otherCases: z.string().max(12).optional().describe('fr-legal-rate: all other cases'),
  referenceDate: z.string().max(10).optional().describe('uk-boe-reference: the day of the Bank Rate used'),
  source: z.string().max(300).describe('The official text the rate is copied from'),
});

function entryOf(
  table: z.infer<typeof rateTable>,
  period: string,
  body: z.infer<typeof entryBody>,
): EnteredRate {
  if (table === 'fr-legal-rate') {
    return {
      table,
      period,
      individual: body.individual ?? '',
      otherCases: body.otherCases ?? '',
      source: body.source,
    };
  }
  if (table === 'uk-boe-reference') {
    return {
      table,
      period,
      ratePercent: body.ratePercent ?? '',
      referenceDate: body.referenceDate ?? '',
      source: body.source,
    };
  }
  return { table, period, ratePercent: body.ratePercent ?? '', source: body.source };
}

export function interestRateRoutes(app: FastifyInstance, deps: Deps): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/interest-rates',
    {
      schema: {
        tags: ['strategies'],
        summary: 'The late-interest rate tables, shipped and entered, and the semesters still missing',
        description:
          'Interest over a day whose semester has no rate is never counted as zero: the case shows the missing rate until an administrator enters it.',
        response: { 200: ratesSchema, ...errors(401, 403) },
      },
    },
    async (request) => listInterestRates(deps, actorOf(request)),
  );

  app.withTypeProvider<ZodTypeProvider>().put(
    '/interest-rates/:table/:period',
    {
      schema: {
        tags: ['strategies'],
        summary: 'Enter or correct the rate of a semester the shipped tables lack (admin)',
        params: z.object({ table: rateTable, period: z.string().max(10) }),
        body: entryBody,
        response: { 200: z.object({ rate: z.record(z.string(), z.string()) }), ...errors(400, 401, 403) },
      },
    },
    async (request) => ({
      rate: await enterInterestRate(
        deps,
        actorOf(request),
        entryOf(request.params.table, request.params.period, request.body),
      ),
    }),
  );
}
