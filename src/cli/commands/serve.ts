import type { Command } from 'commander';

// Placeholder: implemented by the serve work.
export function registerServe(program: Command): void {
  program.command('serve').description('(not yet implemented)').action(() => {
    throw new Error('serve is not implemented yet');
  });
}
