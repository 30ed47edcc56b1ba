import type { Command } from 'commander';

// Placeholder: implemented by the ask work.
export function registerAsk(program: Command): void {
  program.command('ask').description('(not yet implemented)').action(() => {
    throw new Error('ask is not implemented yet');
  });
}
