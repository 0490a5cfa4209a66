import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../shared/deps.ts';
import { holdCase } from '../../use-cases/creditor-portal/hold-case.ts';
import { releaseCase } from '../../use-cases/creditor-portal/release-case.ts';
import { MAX_WITHDRAWAL_REASON, withdrawCase } from '../../use-cases/creditor-portal/withdraw-case.ts';
import { actorOf } from '../auth.ts';
import { errors, idParam } from '../schemas.ts';

const params = z.object({ caseId: idParam });
const cancelledSchema = z.object({ actions: z.number().int(), callTasks: z.number().int() });

/** The creditor's say on a case (creditor portal): hold, release, withdraw. Clients, supervisors, admins. */
export function caseControlRoutes(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/cases/:caseId/hold',
    {
      schema: {
        tags: ['creditor portal'],
        summary: 'Put a case on hold (held by the creditor)',
        description:
          'The ladder pauses; actions planned or waiting for review and open calls are cancelled; nothing is ' +
          'sent until the case is released. 409 `case_closed`, `case_already_held`.',
        params,
        response: {
          200: z.object({ caseId: z.string(), heldAt: z.string(), cancelled: cancelledSchema }),
          ...errors(401, 403, 404, 409),
        },
      },
    },
    async (request) => holdCase(deps, actorOf(request), request.params.caseId),
  );

  api.post(
    '/cases/:caseId/release',
    {
      schema: {
        tags: ['creditor portal'],
        summary: 'Release a held case: the ladder resumes at today’s run',
        description: '409 `case_not_held`.',
        params,
        response: {
          200: z.object({ caseId: z.string(), nextRunOn: z.string() }),
          ...errors(401, 403, 404, 409),
        },
      },
    },
    async (request) => releaseCase(deps, actorOf(request), request.params.caseId),
  );

  api.post(
    '/cases/:caseId/withdraw',
    {
      schema: {
        tags: ['creditor portal'],
        summary: 'Withdraw a case: collection ends, the case is closed',
        description:
          'Open claims become `cancelled`, pending actions and calls cancelled, open promises and active ' +
          'plans ended, the case closed with the reason. 409 `case_closed` / `case_already_withdrawn`.',
        params,
        body: z.object({ reason: z.string().min(1).max(MAX_WITHDRAWAL_REASON) }),
        response: {
          200: z.object({
            caseId: z.string(),
            withdrawnAt: z.string(),
            claims: z.number().int(),
            actions: z.number().int(),
            callTasks: z.number().int(),
            promises: z.number().int(),
            plans: z.number().int(),
          }),
          ...errors(400, 401, 403, 404, 409),
        },
      },
    },
    async (request) => withdrawCase(deps, actorOf(request), request.params.caseId, request.body),
  );
}
