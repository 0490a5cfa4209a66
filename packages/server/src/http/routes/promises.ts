import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../shared/deps.ts';

/** The agent workspace's promises to pay (issue #5). */
export function promiseRoutes(_app: FastifyInstance, _deps: Deps): void {}
