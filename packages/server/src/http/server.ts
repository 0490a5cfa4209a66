import { extname } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import serverPackage from '../../package.json' with { type: 'json' };
import type { Deps } from '../shared/deps.ts';
import { dummyPasswordHash } from '../use-cases/access/password.ts';
import { authenticateRequest } from './auth.ts';
import { installErrorHandlers } from './errors.ts';
import { apiPrefix, docsPrefix } from './paths.ts';
import { agencyRoutes } from './routes/agency.ts';
import { agencyComparisonRoutes } from './routes/agency-comparison.ts';
import { apiKeyRoutes } from './routes/api-keys.ts';
import { authRoutes } from './routes/auth.ts';
import { callQueueRoutes } from './routes/call-queue.ts';
import { callScriptRoutes } from './routes/call-scripts.ts';
import { callTaskRoutes } from './routes/call-tasks.ts';
import { caseControlRoutes } from './routes/case-control.ts';
import { caseEngineRoutes } from './routes/case-engine.ts';
import { casePaymentRoutes } from './routes/case-payments.ts';
import { caseRoutes } from './routes/cases.ts';
import { channelSettingsRoutes } from './routes/channel-settings.ts';
import { claimRoutes } from './routes/claims.ts';
import { creditorReportRoutes } from './routes/creditor-reports.ts';
import { creditorRoutes } from './routes/creditors.ts';
import { dashboardRoutes } from './routes/dashboard.ts';
import { debtorRoutes } from './routes/debtors.ts';
import { dispatchRoutes } from './routes/dispatch.ts';
import { disputeRoutes } from './routes/disputes.ts';
import { evidenceRoutes } from './routes/evidence.ts';
import { healthRoutes } from './routes/health.ts';
import { identityRoutes } from './routes/identity.ts';
import { importUploadRoutes, maxUploadBytes } from './routes/import-uploads.ts';
import { importRoutes } from './routes/imports.ts';
import { inboundMailRoutes } from './routes/inbound-mail.ts';
import { interestRateRoutes } from './routes/interest-rates.ts';
import { ivrWebhookRoutes } from './routes/ivr-webhooks.ts';
import { letterRoutes } from './routes/letters.ts';
import { liveRoutes } from './routes/live.ts';
import { paymentFunnelRoutes } from './routes/payment-funnel.ts';
import { paymentLinkRoutes } from './routes/payment-link.ts';
import { paymentPlanRoutes } from './routes/payment-plans.ts';
import { paymentSettingsRoutes } from './routes/payment-settings.ts';
import { paymentWebhookRoutes } from './routes/payment-webhooks.ts';
import { portalRoutes } from './routes/portal.ts';
import { promiseRoutes } from './routes/promises.ts';
import { runRoutes } from './routes/runs.ts';
import { smsSettingsRoutes } from './routes/sms-settings.ts';
import { smsWebhookRoutes } from './routes/sms-webhooks.ts';
import { statementRoutes } from './routes/statements.ts';
import { strategyRoutes } from './routes/strategies.ts';
import { templateRoutes } from './routes/templates.ts';
import { userRoutes } from './routes/users.ts';
import { createSignInLimiter } from './sign-in-limiter.ts';

export type HttpServerOptions = {
  /** The built web app to serve at / (a single-page app: unknown non-API paths get its index.html). */
  readonly webDist?: string;
  readonly logger?: boolean;
  /** Trust X-Forwarded-* (behind a reverse proxy), e.g. for the cookie's `secure` flag. */
  readonly trustProxy?: boolean;
  /** Largest accepted upload (import files); 200 MB by default. */
  readonly maxUploadBytes?: number;
};

export type RouteEntry = { readonly method: string; readonly url: string };

const routeTables = new WeakMap<FastifyInstance, RouteEntry[]>();

/** Every route registered on a server built here (method, full URL), e.g. for the tenant isolation test. */
export function registeredRoutes(app: FastifyInstance): readonly RouteEntry[] {
  return routeTables.get(app) ?? [];
}

/** The HTTP API under /api/v1 (OpenAPI at /api/v1/openapi.json, docs at /api/docs) and, optionally, the web app. */
export async function buildHttpServer(deps: Deps, options: HttpServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ? { redact: ['req.headers.authorization', 'req.headers.cookie'] } : false,
    trustProxy: options.trustProxy ?? false,
  });
  // Computed now, so that the first sign-in with an unknown e-mail costs what the others cost.
  void dummyPasswordHash();
  const routes: RouteEntry[] = [];
  routeTables.set(app, routes);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.push({ method, url: route.url });
  });

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandlers(app, options.webDist ? spaFallback : undefined);

  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, {
    limits: {
      fileSize: options.maxUploadBytes ?? maxUploadBytes,
      files: 1,
      fields: 10,
      fieldSize: 1024 * 1024,
    },
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Relance API',
        version: serverPackage.version,
        description:
          'Amicable debt collection. Authenticate with the `relance_session` cookie (POST /auth/sign-in) or ' +
          '`Authorization: Bearer rk_live_…`. Errors are always `{ "error": { "code", "message", "details"? } }`.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'relance_session' },
          apiKey: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { apiKey: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: docsPrefix });

  await app.register(
    async (api) => {
      api.addHook('onRequest', authenticateRequest(deps));
      api.get('/openapi.json', { config: { public: true }, schema: { hide: true } }, async () =>
        app.swagger(),
      );
      const limiter = createSignInLimiter(deps.database.db);
      healthRoutes(api, deps);
      authRoutes(api, deps, limiter);
      creditorRoutes(api, deps);
      caseRoutes(api, deps);
      debtorRoutes(api, deps);
      claimRoutes(api, deps);
      importRoutes(api, deps);
      importUploadRoutes(api, deps);
      caseControlRoutes(api, deps);
      creditorReportRoutes(api, deps);
      apiKeyRoutes(api, deps);
      userRoutes(api, deps);
      strategyRoutes(api, deps);
      runRoutes(api, deps);
      liveRoutes(api, deps);
      caseEngineRoutes(api, deps);
      interestRateRoutes(api, deps);
      evidenceRoutes(api, deps);
      smsSettingsRoutes(api, deps);
      smsWebhookRoutes(api, deps);
      callTaskRoutes(api, deps);
      templateRoutes(api, deps);
      identityRoutes(api, deps);
      dispatchRoutes(api, deps);
      callQueueRoutes(api, deps);
      promiseRoutes(api, deps);
      paymentPlanRoutes(api, deps);
      paymentLinkRoutes(api, deps);
      disputeRoutes(api, deps);
      callScriptRoutes(api, deps);
      channelSettingsRoutes(api, deps);
      inboundMailRoutes(api, deps);
      ivrWebhookRoutes(api, deps);
      letterRoutes(api, deps);
      portalRoutes(api, deps);
      paymentWebhookRoutes(api, deps);
      paymentSettingsRoutes(api, deps);
      paymentFunnelRoutes(api, deps);
      dashboardRoutes(api, deps);
      casePaymentRoutes(api, deps);
      statementRoutes(api, deps);
      agencyRoutes(api, deps);
      agencyComparisonRoutes(api, deps);
    },
    { prefix: apiPrefix },
  );

  if (options.webDist) {
    await app.register(fastifyStatic, { root: options.webDist, prefix: '/', wildcard: true });
  }
  return app;
}

/**
 * The single-page app answers every GET that is neither the API nor a file: its router takes over.
 * A missing file (a path with an extension) stays a 404.
 */
function spaFallback(request: FastifyRequest, reply: FastifyReply): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const path = request.url.split('?')[0] ?? '/';
  if (path === '/api' || path.startsWith('/api/') || extname(path) !== '') return false;
  void reply.type('text/html; charset=utf-8').sendFile('index.html');
  return true;
}
