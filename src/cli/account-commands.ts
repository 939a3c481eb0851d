import { Option, type Command } from 'commander';
import type { ServiceContext } from '../service/context.js';
import { addUser, createApiToken, listAllUsers, listTokens, removeUser, resetPassword, revokeToken, ROLE_DESCRIPTIONS, ROLES } from '../service/accounts.js';
import { ServiceError } from '../service/errors.js';
import { cliActor, type CliIo } from './run-cli.js';

type WithService = <T>(fn: (ctx: ServiceContext) => Promise<T>) => Promise<T>;

/** Exit codes as run-cli.ts has them: 0 fine, 1 refused. */
const OK = 0;
const REFUSED = 1;

/** Runs `fn`; a service refusal (no such user, a taken name, a bad role) is a sentence on stderr and exit 1. */
async function refusing(io: CliIo, fn: () => Promise<void>): Promise<number> {
  try {
    await fn();
    return OK;
  } catch (err) {
    if (!(err instanceof ServiceError)) throw err;
    io.stderr.write(`copydesk: ${err.message}\n`);
    return REFUSED;
  }
}

/** Adds `copydesk user …` and `copydesk token …`: accounts and API tokens on the database the CLI works on. */
export function addAccountCommands(program: Command, io: CliIo, withService: WithService, setExit: (code: number) => void): void {
  const roleHelp = ROLES.map((r) => `${r} (${ROLE_DESCRIPTIONS[r]})`).join('; ');
  const user = program.command('user').description('Add, list and remove users, and reset their passwords.');
  user
    .command('add')
    .description('Add a user and print a one-time password, once: they choose their own at the first sign-in.')
    .argument('<name>', 'the user name (letters, digits, . _ -)')
    .addOption(new Option('--role <role>', `what they may do: ${roleHelp}`).choices(ROLES).makeOptionMandatory())
    .action(async (name: string, opts: { role: string }) => {
      setExit(await withService((ctx) => refusing(io, async () => {
        const { password } = await addUser(ctx, { username: name, role: opts.role, createdBy: cliActor() });
        io.stdout.write(`added ${name} (${opts.role}); one-time password: ${password}\n`);
      })));
    });
  user
    .command('passwd')
    .description('Give a user a new one-time password (printed once); their sessions end. The way back in for a locked-out admin.')
    .argument('<name>')
    .action(async (name: string) => {
      setExit(await withService((ctx) => refusing(io, async () => {
        const password = await resetPassword(ctx, name);
        io.stdout.write(`one-time password for ${name}: ${password}\n`);
      })));
    });
  user
    .command('list')
    .description('List the users and their roles.')
    .action(async () => {
      const users = await withService((ctx) => listAllUsers(ctx));
      for (const u of users) {
        const notes = [u.mustChangePassword ? 'one-time password not yet changed' : '', u.lockedUntil ? `locked until ${u.lockedUntil}` : ''].filter(Boolean).join('; ');
        io.stdout.write(`${u.username}\t${u.role}\t${u.createdAt}${notes ? `\t${notes}` : ''}\n`);
      }
    });
  user
    .command('remove')
    .description('Remove a user: their sessions and tokens end; what they did keeps their name.')
    .argument('<name>')
    .action(async (name: string) => {
      setExit(await withService((ctx) => refusing(io, async () => {
        await removeUser(ctx, name);
        io.stdout.write(`removed ${name}\n`);
      })));
    });

  const token = program.command('token').description('API tokens for scripts (Authorization: Bearer TOKEN), with the role of their user.');
  token
    .command('create')
    .description('Create a token for a user and print it, once (the database keeps only its hash).')
    .argument('<name>', 'the user the token acts as')
    .option('--label <label>', 'what uses it, to tell tokens apart', 'script')
    .action(async (name: string, opts: { label: string }) => {
      setExit(await withService((ctx) => refusing(io, async () => {
        const created = await createApiToken(ctx, name, opts.label);
        io.stdout.write(`${created.token}\n`);
        io.stderr.write(`token ${created.id} for ${name} (${opts.label}); it is shown this once. Revoke it with: copydesk token revoke ${created.id}\n`);
      })));
    });
  token
    .command('list')
    .description('List the tokens (never their values).')
    .argument('[name]', 'only this user’s')
    .action(async (name: string | undefined) => {
      const tokens = await withService((ctx) => listTokens(ctx, name));
      for (const t of tokens) io.stdout.write(`${t.id}\t${t.username}\t${t.name}\t${t.createdAt}\t${t.revokedAt ? `revoked ${t.revokedAt}` : 'active'}\n`);
    });
  token
    .command('revoke')
    .description('Revoke a token by its number (from `token list`).')
    .argument('<id>')
    .action(async (id: string) => {
      setExit(await withService((ctx) => refusing(io, async () => {
        if (!/^[1-9]\d{0,9}$/u.test(id)) throw new ServiceError('invalid', 'Name the token by its number, as `copydesk token list` shows it.');
        await revokeToken(ctx, Number(id));
        io.stdout.write(`revoked token ${id}\n`);
      })));
    });
}
