import 'reflect-metadata';
import { Command } from 'commander';
import { ConfigValidationError } from '@melvin/shared/config';
import { IdentityError } from '@melvin/identity/domain';
import { registerAdminCommands } from './commands/admin.command';
import { registerHealthCommand } from './commands/health.command';
import { registerCardCommand } from './commands/knowledge/card.command';
import { registerIngestCommand } from './commands/knowledge/ingest.command';
import { registerSearchCommand } from './commands/knowledge/search.command';
import { registerLoopsCommand } from './commands/loops/loops.command';
import { registerAskCommand } from './commands/ask/ask.command';
import { registerEvalCommand } from './commands/ask/eval.command';
import { registerMigrateCommand } from './commands/migrate.command';
import { registerUsersCommands } from './commands/users.command';

const program = new Command()
  .name('melvin')
  .description("Melvin's operator and developer commands (npm run melvin -- <command>)")
  .showHelpAfterError();
registerMigrateCommand(program);
registerHealthCommand(program);
registerAdminCommands(program);
registerUsersCommands(program);
registerIngestCommand(program);
registerSearchCommand(program);
registerCardCommand(program);
registerLoopsCommand(program);
registerAskCommand(program);
registerEvalCommand(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  const message = error instanceof IdentityError ? `${error.code}: ${error.message}` : error instanceof Error ? error.message : String(error);
  process.stderr.write(`melvin: ${message}\n`);
  process.exit(error instanceof ConfigValidationError ? 78 : 1);
});
