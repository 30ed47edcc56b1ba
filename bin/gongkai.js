#!/usr/bin/env node
// The CLI runs the TypeScript sources through tsx, so a fresh clone works right after `npm install`
// with no build step and no stale compiled output.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
