import { DomainError } from '@relance/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../shared/actor.ts';
import type { Deps } from '../shared/deps.ts';
import { authenticateApiKey } from '../use-cases/access/authenticate-api-key.ts';
import { authenticateSession } from '../use-cases/access/authenticate-session.ts';
import { type Permission, requirePermission } from '../use-cases/access/permissions.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A route that answers without authentication (health, sign-in, sign-out). */
    public?: boolean;
  }
}

export const sessionCookieName = 'relance_session';

const actors = new WeakMap<FastifyRequest, Actor>();

/**
 * The onRequest hook of the API: builds the Actor from `Authorization: Bearer rk_live_…` or from the
 * session cookie, or answers 401. A Bearer header that does not authenticate is not retried with the
 * cookie: a machine that sends a wrong key must learn it.
 */
export function authenticateRequest(deps: Deps) {
  return async (request: FastifyRequest): Promise<void> => {
    if (request.routeOptions.config.public) return;
    const authorization = request.headers.authorization;
    let actor: Actor | null = null;
    if (typeof authorization === 'string' && authorization !== '') {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization);
      actor = match ? await authenticateApiKey(deps, match[1]!) : null;
    } else {
      const token = sessionToken(request);
      actor = token ? await authenticateSession(deps, token) : null;
    }
    if (!actor) {
      throw new DomainError('unauthenticated', 'Please sign in.', { reason: 'authentication_required' });
    }
    actors.set(request, actor);
  };
}

/** The authenticated caller of a non-public route. */
export function actorOf(request: FastifyRequest): Actor {
  const actor = actors.get(request);
  if (!actor)
    throw new DomainError('unauthenticated', 'Please sign in.', { reason: 'authentication_required' });
  return actor;
}

/** A route-level guard (defence in depth; the use cases check too). */
export function requireRoutePermission(permission: Permission) {
  return async (request: FastifyRequest): Promise<void> => {
    requirePermission(actorOf(request), permission);
  };
}

export function sessionToken(request: FastifyRequest): string | undefined {
  const token = request.cookies[sessionCookieName];
  return token === undefined || token === '' ? undefined : token;
}

export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  expiresAt: string,
): void {
  reply.setCookie(sessionCookieName, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    path: '/',
    expires: new Date(expiresAt),
  });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(sessionCookieName, {
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    path: '/',
  });
}
