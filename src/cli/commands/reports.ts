import type { Command } from 'commander';

// Placeholder: implemented by the reports work.
export function registerReports(program: Command): void {
  program.command('reports').description('(not yet implemented)').action(() => {
    throw new Error('reports is not implemented yet');
  });
}
