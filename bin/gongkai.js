#!/usr/bin/env node
// The compiled JavaScript in dist/ when it matches src/ file for file (`npm start` compiles it first;
// `npm run build` does it by hand), the TypeScript sources through tsx otherwise: a fresh clone works
// right after `npm install`, and an edited source file is never shadowed by stale compiled output.
import { distIsFresh } from './build.js';

if (distIsFresh()) {
  await import('../dist/current/cli/main.js');
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
