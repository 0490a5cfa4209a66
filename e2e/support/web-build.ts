import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const webDir = new URL('../../packages/web/', import.meta.url).pathname;

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** Builds packages/web/dist when it is missing or older than the sources, so the journey tests today's UI. */
export function ensureWebBuild(): string {
  const dist = join(webDir, 'dist');
  const index = join(dist, 'index.html');
  const sources = [join(webDir, 'src'), join(webDir, 'index.html'), join(webDir, 'vite.config.ts')];
  const stale = !existsSync(index) || Math.max(...sources.map(newestMtime)) > statSync(index).mtimeMs;
  if (stale) {
    execFileSync('npm', ['run', 'build', '--silent', '-w', '@relance/web'], {
      cwd: join(webDir, '..', '..'),
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  return dist;
}
