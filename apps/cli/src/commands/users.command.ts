import type { Command } from 'commander';
import { withIdentity } from './identity-session';

/** The admin's account operations from a shell, for emergencies; each is audited as the operator. */
export function registerUsersCommands(program: Command): void {
  const users = program.command('users').description('account requests and users');

  users
    .command('pending')
    .description('list pending account requests, oldest first')
    .action(() =>
      withIdentity(async ({ accounts }) => {
        const pending = await accounts.listPending();
        if (!pending.length) console.log('no pending requests');
        for (const user of pending) console.log(`${user.createdAt.toISOString()}  ${user.username}${user.note ? `  — ${user.note}` : ''}`);
      }),
    );

  users
    .command('approve <username>')
    .description('approve a pending request')
    .action((username: string) =>
      withIdentity(async ({ accounts, operator, findUser }) => {
        await accounts.decide((await findUser(username)).id, 'approve', undefined, operator);
        console.log(`${username} approved`);
      }),
    );

  users
    .command('deny <username>')
    .description('deny a pending request')
    .option('--reason <text>', 'why, shown to the requester')
    .action((username: string, options: { reason?: string }) =>
      withIdentity(async ({ accounts, operator, findUser }) => {
        await accounts.decide((await findUser(username)).id, 'deny', options.reason, operator);
        console.log(`${username} denied`);
      }),
    );

  users
    .command('reset-password <username>')
    .description('issue a temporary password that must be changed at next sign-in (ends all sessions)')
    .action((username: string) =>
      withIdentity(async ({ accounts, operator, findUser }) => {
        const issued = await accounts.issuePasswordReset((await findUser(username)).id, 'temporary-password', operator);
        console.log(`temporary password for ${username}: ${issued.temporaryPassword}`);
      }),
    );

  for (const [name, disabled] of [['disable', true], ['enable', false]] as const) {
    users
      .command(`${name} <username>`)
      .description(`${name} an account${disabled ? ' (ends its sessions)' : ''}`)
      .action((username: string) =>
        withIdentity(async ({ accounts, operator, findUser }) => {
          await accounts.update((await findUser(username)).id, { disabled }, operator);
          console.log(`${username} ${name}d`);
        }),
      );
  }
}
