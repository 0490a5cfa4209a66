import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../shared/deps.ts';

/** The agent workspace's call scripts (issue #5). */
export function callScriptRoutes(_app: FastifyInstance, _deps: Deps): void {}
