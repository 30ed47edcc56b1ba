import type { Command } from 'commander';

// Placeholder: implemented by the ingest work.
export function registerIngest(program: Command): void {
  program.command('ingest').description('(not yet implemented)').action(() => {
    throw new Error('ingest is not implemented yet');
  });
}
