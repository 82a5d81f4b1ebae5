import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

/** Lints `source` as if it were the file at `path`, with the workspace's real ESLint config. */
function lint(path: string, source: string): { ok: boolean; messages: string } {
  const result = spawnSync('npx', ['eslint', '--stdin', '--stdin-filename', path, '--format', 'stylish'], {
    cwd: root,
    input: source,
    encoding: 'utf8',
    env: { ...process.env, NX_DAEMON: 'false' },
  });
  return { ok: result.status === 0, messages: `${result.stdout}${result.stderr}` };
}

describe('module boundaries', () => {
  it('stops pure domain code from importing a framework', () => {
    const result = lint('libs/knowledge/domain/src/lib/bad.ts', "import { Injectable } from '@nestjs/common';\nexport const x = Injectable;\n");
    expect(result.ok).toBe(false);
    expect(result.messages).toMatch(/@nx\/enforce-module-boundaries/);
    expect(result.messages).toMatch(/@nestjs\/common/);
  });

  it('stops one bounded context from reaching into another', () => {
    const result = lint('apps/loop-analysis/src/app/bad.ts', "import { AuditEvent } from '@melvin/identity/data-access';\nexport const x = AuditEvent;\n");
    expect(result.ok).toBe(false);
    expect(result.messages).toMatch(/@nx\/enforce-module-boundaries/);
  });

  it('stops contracts from depending on anything but contracts', () => {
    const result = lint('libs/shared/contracts/src/lib/bad.ts', "import { loadConfig } from '@melvin/shared/config';\nexport const x = loadConfig;\n");
    expect(result.ok).toBe(false);
    expect(result.messages).toMatch(/@nx\/enforce-module-boundaries/);
  });

  it('accepts an import along an allowed edge', () => {
    const result = lint('libs/knowledge/domain/src/lib/good.ts', "import { Queues } from '@melvin/shared/contracts';\nexport const x = Queues;\n");
    expect(result.messages).toBe('');
    expect(result.ok).toBe(true);
  });
});
