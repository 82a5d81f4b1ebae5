import 'reflect-metadata';
import { Command } from 'commander';
import { ConfigValidationError } from '@melvin/shared/config';
import { registerHealthCommand } from './commands/health.command';
import { registerMigrateCommand } from './commands/migrate.command';

const program = new Command()
  .name('melvin')
  .description("Melvin's operator and developer commands (npm run melvin -- <command>)")
  .showHelpAfterError();
registerMigrateCommand(program);
registerHealthCommand(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigValidationError ? error.message : error instanceof Error ? error.message : String(error)}\n`);
  process.exit(error instanceof ConfigValidationError ? 78 : 1);
});
