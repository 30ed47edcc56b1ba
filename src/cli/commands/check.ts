import type { Command } from 'commander';

// Placeholder: implemented by the check work.
export function registerCheck(program: Command): void {
  program.command('check').description('(not yet implemented)').action(() => {
    throw new Error('check is not implemented yet');
  });
}
