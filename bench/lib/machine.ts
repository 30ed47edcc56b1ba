/** The machine a benchmark ran on, for docs/performance.md. */
import { cpus, freemem, loadavg, totalmem } from 'node:os';

export interface Machine {
  date: string;
  cores: number;
  cpu: string;
  memoryGb: number;
  node: string;
  platform: string;
  /** 1-minute load average when the run started (the machine may be shared). */
  load: number;
  freeGb: number;
}

export function describeMachine(): Machine {
  const c = cpus();
  return {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    cores: c.length,
    cpu: c[0]?.model.trim() ?? 'unknown',
    memoryGb: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    load: Math.round(loadavg()[0] * 10) / 10,
    freeGb: Math.round((freemem() / 2 ** 30) * 10) / 10,
  };
}

export function machineLine(m: Machine): string {
  return `${m.date} · ${m.cores} cores (${m.cpu}) · ${m.memoryGb} GB RAM · Node ${m.node} · ${m.platform} · load average ${m.load} at start`;
}
