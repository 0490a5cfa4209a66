#!/usr/bin/env node
// `npx relance …` from the repository. Node 24 runs the TypeScript sources directly; from an older
// Node, run again under the project's Node 24 (scripts/node24 installs it when it is missing).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const major = Number(process.versions.node.split('.')[0]);
if (major >= 24) {
  await import('../src/cli/main.ts');
} else {
  const wrapper = fileURLToPath(new URL('../../../scripts/node24', import.meta.url));
  const main = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
  const run = spawnSync(wrapper, ['node', main, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(run.status ?? 1);
}
