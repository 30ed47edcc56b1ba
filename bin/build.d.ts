// Types for bin/build.js (plain JavaScript: it runs before anything is compiled), for the tests.
export function distPaths(root?: string): { src: string; dist: string; builds: string; current: string };
export function distIsFresh(root?: string): boolean;
export function buildDist(root?: string): Promise<number>;
export function currentBuild(root?: string): string | null;
