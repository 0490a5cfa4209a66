import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../shared/deps.ts';
import {
  getCreditorDetails,
  getTenantIdentity,
  setCreditorDetails,
  setTenantIdentity,
} from '../../use-cases/templates/identities.ts';
import { actorOf } from '../auth.ts';
import { errors, idParam } from '../schemas.ts';

const address = z
  .object({ lines: z.array(z.string()), postalCode: z.string(), city: z.string(), country: z.string() })
  .nullable();
const creditorDetails = z.object({
  address,
  email: z.string().nullable(),
  phone: z.string().nullable(),
  registration: z.string().nullable(),
  legalForm: z.string().nullable(),
  iban: z.string().nullable(),
  bic: z.string().nullable(),
});
const identity = z.object({
  legalName: z.string(),
  address,
  email: z.string().nullable(),
  phone: z.string().nullable(),
  registration: z.string().nullable(),
  signatory: z.string().nullable(),
  iban: z.string().nullable(),
  bic: z.string().nullable(),
  activityStatement: z.string().nullable(),
  insurer: z.string().nullable().describe('An agency’s professional liability insurer (CPCE R124-2 1°)'),
  insurancePolicy: z.string().nullable(),
  declarationCourt: z
    .string()
    .nullable()
    .describe('The court whose public prosecutor received the declaration (R124-2 3°)'),
  declarationDate: z.string().nullable(),
});
const identityView = z.object({ kind: z.enum(['creditor', 'agency']), identity: identity.nullable() });

export function identityRoutes(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/settings/identity',
    {
      schema: {
        tags: ['settings'],
        summary: 'The tenant’s identity printed on letters and e-mails (sender, account receiving payments)',
        response: { 200: identityView, ...errors(401, 403) },
      },
    },
    async (request) => getTenantIdentity(deps, actorOf(request)),
  );

  api.put(
    '/settings/identity',
    {
      schema: {
        tags: ['settings'],
        summary: 'Replace the tenant’s identity (admin; audited)',
        description:
          'IBAN checked with the mod-97 rule. An agency must give its dedicated account (CPCE R124-2); its statement of an amicable-collection activity (R124-4) defaults to a standard sentence.',
        body: z.unknown(),
        response: { 200: identityView, ...errors(400, 401, 403) },
      },
    },
    async (request) => setTenantIdentity(deps, actorOf(request), request.body),
  );

  api.get(
    '/creditors/:creditorId/details',
    {
      schema: {
        tags: ['creditors'],
        summary: 'A creditor’s letterhead and bank details (null until filled in)',
        params: z.object({ creditorId: idParam }),
        response: { 200: z.object({ details: creditorDetails.nullable() }), ...errors(401, 403, 404) },
      },
    },
    async (request) => ({
      details: await getCreditorDetails(deps, actorOf(request), request.params.creditorId),
    }),
  );

  api.put(
    '/creditors/:creditorId/details',
    {
      schema: {
        tags: ['creditors'],
        summary: 'Replace a creditor’s letterhead and bank details (admin; audited)',
        params: z.object({ creditorId: idParam }),
        body: z.unknown(),
        response: { 200: z.object({ details: creditorDetails }), ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => ({
      details: await setCreditorDetails(deps, actorOf(request), request.params.creditorId, request.body),
    }),
  );
}
