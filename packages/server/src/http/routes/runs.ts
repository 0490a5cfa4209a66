import { DomainError } from '@relance/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fixedClock } from '../../shared/clock.ts';
import type { Deps } from '../../shared/deps.ts';
import { requirePermission } from '../../use-cases/access/permissions.ts';
import { listRuns } from '../../use-cases/dunning/list-runs.ts';
import { runDailyDunning } from '../../use-cases/dunning/run-daily-dunning.ts';
import { getRunSchedule, setRunSchedule } from '../../use-cases/dunning/run-schedule.ts';
import { actorOf } from '../auth.ts';
import { errors } from '../schemas.ts';

const runView = z.object({
  id: z.string(),
  runOn: z.string(),
  trigger: z.string(),
  status: z.string(),
  workers: z.number().int(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  cases: z.number().int(),
  actions: z.number().int(),
  blocked: z.number().int(),
});

const reasonSchema = z.object({
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  text: z.object({ fr: z.string(), en: z.string() }).describe('The reason as a person reads it'),
});

const runReport = z.object({
  runId: z.string().nullable(),
  runOn: z.string(),
  dryRun: z.boolean(),
  cases: z.number().int(),
  actions: z.number().int(),
  blocked: z.number().int(),
  byChannel: z.record(z.string(), z.number().int()),
  byStage: z.record(z.string(), z.number().int()),
  preview: z
    .array(
      z.object({
        caseId: z.string(),
        channel: z.string(),
        template: z.string(),
        status: z.string(),
        scheduledAt: z.string().nullable(),
        stepKey: z.string().nullable(),
        reason: reasonSchema,
        gate: z
          .object({ kind: z.string(), explanation: z.object({ fr: z.string(), en: z.string() }) })
          .passthrough(),
      }),
    )
    .readonly(),
});

const schedule = z.object({
  time: z.string().describe('Local time of day, HH:MM'),
  timeZone: z.string().describe('IANA zone, e.g. Europe/Paris'),
});

export function runRoutes(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/runs/schedule',
    {
      schema: {
        tags: ['runs'],
        summary: 'When the daily run starts by itself (06:00 Europe/Paris unless set)',
        response: { 200: schedule, ...errors(401, 403) },
      },
    },
    async (request) => getRunSchedule(deps, actorOf(request)),
  );

  api.put(
    '/runs/schedule',
    {
      schema: {
        tags: ['runs'],
        summary: 'Set the local time and zone of the daily run',
        body: schedule,
        response: { 200: schedule, ...errors(400, 401, 403) },
      },
    },
    async (request) => setRunSchedule(deps, actorOf(request), request.body),
  );

  api.get(
    '/runs',
    {
      schema: {
        tags: ['runs'],
        summary: 'The latest daily runs, newest first',
        response: { 200: z.array(runView).readonly(), ...errors(401, 403) },
      },
    },
    async (request) => listRuns(deps, actorOf(request)),
  );

  api.post(
    '/runs',
    {
      schema: {
        tags: ['runs'],
        summary: 'Run the daily run now, or preview a day with dryRun',
        description:
          'Idempotent: a second run the same day decides nothing new. A preview (`dryRun: true`) writes nothing and lists the first actions with their reasons.',
        body: z.object({
          date: z
            .string()
            .regex(/^\d{4}-\d{2}-\d{2}$/)
            .optional(),
          dryRun: z.boolean().default(false),
        }),
        response: { 200: runReport, ...errors(400, 401, 403) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      requirePermission(actor, 'runs:run');
      const today = deps.clock.today();
      const runOn = request.body.date ?? today;
      if (!request.body.dryRun && runOn > today) {
        throw new DomainError(
          'invalid_input',
          `A run for a day to come (${runOn}) can only be previewed: set dryRun.`,
          {
            reason: 'future_run',
            field: 'date',
          },
        );
      }
      const runDeps = runOn === today ? deps : { ...deps, clock: fixedClock(`${runOn}T05:00:00.000Z`) };
      return runDailyDunning(runDeps, actor.tenantId, {
        runOn,
        dryRun: request.body.dryRun,
        previewLimit: 100,
      });
    },
  );
}
