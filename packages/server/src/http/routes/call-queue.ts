import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../shared/deps.ts';

/** The agent workspace's the call queue (next case, locks, assignment, outcomes) (issue #5). */
export function callQueueRoutes(_app: FastifyInstance, _deps: Deps): void {}
