import type { Machine } from './machine.ts';

export interface BenchContext {
  quick: boolean;
  machine: Machine;
  log: (s: string) => void;
}
