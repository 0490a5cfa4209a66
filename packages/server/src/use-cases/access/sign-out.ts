import type { Deps } from '../../shared/deps.ts';
import { sha256Hex } from './tokens.ts';

/** Ends the session of this token (and, in passing, forgets the sessions that have expired). */
export async function signOut(deps: Deps, token: string): Promise<void> {
  const db = deps.database.db;
  await db.deleteFrom('sessions').where('session_id', '=', sha256Hex(token)).execute();
  await db.deleteFrom('sessions').where('expires_at', '<=', deps.clock.now()).execute();
}
