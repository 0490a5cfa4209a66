#!/usr/bin/env node
// `npx relance …` from the repository: Node 24 runs the TypeScript sources directly.
import '../src/cli/main.ts';
