import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import twilio from 'twilio';
import { z } from 'zod';
import { BUILTIN_SMS } from '../../channels/sms/builtin-provider.ts';
import { receiveInboundSms } from '../../channels/sms/receive-inbound-sms.ts';
import { recordSmsStatus } from '../../channels/sms/record-sms-status.ts';
import { publicUrl } from '../../channels/sms/sms-environment.ts';
import { TWILIO } from '../../channels/sms/twilio-provider.ts';
import { verifyTwilioSignature } from '../../channels/sms/verify-twilio-signature.ts';
import { newId } from '../../db/ids.ts';
import type { Deps } from '../../shared/deps.ts';
import { requirePermission } from '../../use-cases/access/permissions.ts';
import { actorOf } from '../auth.ts';
import { errors, idParam } from '../schemas.ts';

const form = z.record(z.string(), z.string());
const statusForm = z
  .object({
    MessageSid: z.string().min(1),
    MessageStatus: z.string().min(1),
    ErrorCode: z.string().optional(),
    To: z.string().optional(),
  })
  .passthrough();
const inboundForm = z
  .object({
    MessageSid: z.string().min(1),
    From: z.string().min(1),
    To: z.string().optional(),
    Body: z.string(),
  })
  .passthrough();

/** The URL Twilio called, as it signed it: the public address when set, else this request's own. */
function calledUrl(request: FastifyRequest): string {
  const base = publicUrl() ?? `${request.protocol}://${request.host}`;
  return `${base}${request.url}`;
}

function twiml(message: string | null): string {
  const response = new twilio.twiml.MessagingResponse();
  if (message) response.message(message);
  return response.toString();
}

/**
 * Twilio's webhooks (no session: each request is signed with the tenant's auth token) and the built-in
 * provider's simulated reply for the demo.
 */
export function smsWebhookRoutes(app: FastifyInstance, deps: Deps): void {
  void app.register(async (scope) => {
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string' },
      (_req, body, done) => {
        done(null, Object.fromEntries(new URLSearchParams(String(body))));
      },
    );
    const api = scope.withTypeProvider<ZodTypeProvider>();

    const verified = async (request: FastifyRequest, tenantId: string, body: Record<string, string>) => {
      const signature = request.headers['x-twilio-signature'];
      await verifyTwilioSignature(deps, tenantId, {
        signature: typeof signature === 'string' ? signature : undefined,
        url: calledUrl(request),
        params: body,
      });
    };

    api.post(
      '/webhooks/twilio/:tenantId/status',
      {
        config: { public: true },
        schema: {
          tags: ['webhooks'],
          summary: 'Twilio delivery-status callback (signed with X-Twilio-Signature)',
          params: z.object({ tenantId: idParam }),
          body: form,
          response: {
            200: { description: 'TwiML', content: { 'text/xml': { schema: z.string() } } },
            ...errors(400, 403),
          },
        },
      },
      async (request, reply) => {
        await verified(request, request.params.tenantId, request.body);
        const fields = statusForm.parse(request.body);
        await recordSmsStatus(deps, request.params.tenantId, {
          provider: TWILIO,
          messageSid: fields.MessageSid,
          status: fields.MessageStatus,
          errorCode: fields.ErrorCode && fields.ErrorCode !== '' ? fields.ErrorCode : null,
          to: fields.To ?? null,
        });
        return reply.header('content-type', 'text/xml; charset=utf-8').send(twiml(null));
      },
    );

    api.post(
      '/webhooks/twilio/:tenantId/inbound',
      {
        config: { public: true },
        schema: {
          tags: ['webhooks'],
          summary: 'Twilio incoming SMS (STOP/START handled; replies feed the strategy)',
          params: z.object({ tenantId: idParam }),
          body: form,
          response: {
            200: { description: 'TwiML', content: { 'text/xml': { schema: z.string() } } },
            ...errors(400, 403),
          },
        },
      },
      async (request, reply) => {
        await verified(request, request.params.tenantId, request.body);
        const fields = inboundForm.parse(request.body);
        const outcome = await receiveInboundSms(deps, request.params.tenantId, {
          provider: TWILIO,
          messageSid: fields.MessageSid,
          from: fields.From,
          to: fields.To ?? null,
          body: fields.Body,
        });
        return reply.header('content-type', 'text/xml; charset=utf-8').send(twiml(outcome.reply));
      },
    );
  });

  const api = app.withTypeProvider<ZodTypeProvider>();
  api.post(
    '/sms/builtin/inbound',
    {
      schema: {
        tags: ['sms'],
        summary: 'Simulate a debtor’s SMS to the built-in provider (demo): STOP, START or a reply',
        body: z.object({ from: z.string().min(1).max(32), body: z.string().max(1600) }),
        response: {
          200: z.object({
            kind: z.enum(['opt_out', 'opt_in', 'reply', 'unknown_sender', 'duplicate']),
            reply: z.string().nullable(),
            caseIds: z.array(z.string()).readonly(),
          }),
          ...errors(400, 401, 403),
        },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      requirePermission(actor, 'cases:act');
      return receiveInboundSms(deps, actor.tenantId, {
        provider: BUILTIN_SMS,
        messageSid: `SM${newId().replaceAll('-', '')}`,
        from: request.body.from,
        to: null,
        body: request.body.body,
      });
    },
  );
}
