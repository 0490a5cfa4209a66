import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../shared/deps.ts';

/** The agent workspace's disputes (issue #5). */
export function disputeRoutes(_app: FastifyInstance, _deps: Deps): void {}
