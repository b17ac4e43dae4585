#!/usr/bin/env node
// Regenerates docs/images/report-*.png: the job summary and the check run of a passing, a gate-failing and a
// training-failing run, as test/report/render.itg.test.ts renders them (Debian's Chromium, GitHub's Markdown styles,
// Mermaid 11). Needs chromium (scripts/setup-env.sh installs it).
import { spawnSync } from 'node:child_process';

const run = spawnSync('npx', ['vitest', 'run', '--project', 'integration', 'test/report/render.itg.test.ts'], {
  stdio: 'inherit',
  env: { ...process.env, SCREENSHOTS: '1' },
});
process.exit(run.status ?? 1);
