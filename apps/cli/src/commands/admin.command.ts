import type { Command } from 'commander';
import { readPassword } from './read-password';
import { withIdentity } from './identity-session';

export function registerAdminCommands(program: Command): void {
  const admin = program.command('admin').description('admin accounts');
  admin
    .command('create')
    .description('create an active admin (the only way to make the first one); password from --password-stdin, MELVIN_ADMIN_PASSWORD or a prompt')
    .requiredOption('--username <name>', 'the admin username')
    .option('--password-stdin', 'read the password from standard input')
    .action((options: { username: string; passwordStdin?: boolean }) =>
      withIdentity(async ({ accounts, operator, adminPassword }) => {
        const password = options.passwordStdin ? await readPassword(true) : (adminPassword ?? (await readPassword(false)));
        const user = await accounts.createAdmin({ username: options.username, password }, operator);
        console.log(`admin ${user.username} created`);
      }),
    );
}
