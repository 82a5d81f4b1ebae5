#!/usr/bin/env node
// `npm run melvin -- <command>`: builds the CLI when its sources changed (Nx caches the build,
// so this is quick), then runs it with the caller's arguments and environment.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const build = spawnSync('npx', ['nx', 'run', 'cli:build', '--output-style=static'], {
  cwd: root,
  stdio: ['ignore', 'pipe', 'pipe'],
  encoding: 'utf8',
  env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
});
if (build.status !== 0) {
  process.stderr.write(`${build.stdout}${build.stderr}\nmelvin: building the CLI failed\n`);
  process.exit(build.status ?? 1);
}
const run = spawnSync(process.execPath, [join(root, 'dist/apps/cli/main.js'), ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(run.status ?? 1);
