import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../shared/deps.ts';

/** The agent workspace's payment plans and their instalments (issue #5). */
export function paymentPlanRoutes(_app: FastifyInstance, _deps: Deps): void {}
