#!/usr/bin/env node
// `npm run bench`: figures that guide configuration on the target box. Prints, never gates.
// - bcrypt cost: one sign-in costs one hash compare; BCRYPT_COST should keep it near 250 ms.
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const bcrypt = require('bcrypt');

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

console.log('bcrypt compare time by cost (median of 5)');
for (const cost of [10, 11, 12, 13]) {
  const hash = await bcrypt.hash('Bench-Passw0rd!', cost);
  const times = [];
  for (let i = 0; i < 5; i += 1) {
    const started = performance.now();
    await bcrypt.compare('Bench-Passw0rd!', hash);
    times.push(performance.now() - started);
  }
  console.log(`  BCRYPT_COST=${cost}: ${median(times).toFixed(1)} ms per sign-in`);
}

// The TypeScript benchmarks run one per process (tsx resolves the workspace's path aliases), so
// each one's peak RSS is its own. A missing script or a failing one is reported and the rest go on.
const TS_BENCHES = [
  ['knowledge ingest', 'tools/bench/ingest.ts'],
  ['knowledge search and retrieval quality', 'tools/bench/retrieval.ts'],
  ['loop engine against Commander Spellbook', 'tools/bench/loops.ts'],
];
const { spawnSync } = await import('node:child_process');
const { existsSync } = await import('node:fs');
for (const [title, script] of TS_BENCHES) {
  console.log(`\n== ${title} (${script})`);
  if (!existsSync(script)) {
    console.log('  not available yet');
    continue;
  }
  const run = spawnSync('npx', ['tsx', '--tsconfig', 'tsconfig.base.json', script, ...process.argv.slice(2)], { stdio: 'inherit' });
  if (run.status !== 0) console.log(`  ${script} exited with ${run.status}`);
}
