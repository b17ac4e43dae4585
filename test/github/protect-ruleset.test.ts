// protect's ruleset side: the required_status_checks rule edited in place (pure), and protectBranch against the
// stand-in choosing the ruleset that governs the branch, re-pinning a check another App provided, leaving an
// organization's ruleset alone, and finding the App that posts the check.
import { Writable } from 'node:stream';

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { createGithub, type GitHub } from '../../src/github/client.js';
import { findCheckApp } from '../../src/github/check-app.js';
import { protectBranch } from '../../src/github/protect-branch.js';
import { rulesWithCheck } from '../../src/github/protect-ruleset.js';
import { ConsoleLogger } from '../../src/logger.js';
import { startFakeGithub, type FakeGithub } from '../helpers/fake-github.js';

const APP = 424242;
const status = (checks: object[]) => ({
  type: 'required_status_checks',
  parameters: { strict_required_status_checks_policy: true, required_status_checks: checks },
});

describe('rulesWithCheck', () => {
  it.each([
    ['no status rule: one is added', [{ type: 'deletion' }], [{ type: 'deletion' }, 'new'], 'added'],
    ['other checks: ours is appended', [status([{ context: 'ci' }])], 'appended', 'added'],
    ['ours from another App: re-pinned', [status([{ context: 'gate', integration_id: 1 }])], 'pinned', 'pinned'],
    ['ours from any App: pinned', [status([{ context: 'gate' }])], 'pinned', 'pinned'],
  ])('%s', (_, rules, shape, kind) => {
    const [next, what] = rulesWithCheck(rules, 'gate', APP) ?? [[], 'none'];
    expect(what).toBe(kind);
    const wanted = { context: 'gate', integration_id: APP };
    if (shape === 'appended') {
      expect(next).toEqual([status([{ context: 'ci' }, wanted])]);
    } else if (shape === 'pinned') {
      expect(next).toEqual([status([wanted])]); // strict policy kept
    } else {
      expect(next[1]).toMatchObject({ parameters: { required_status_checks: [wanted] } });
    }
  });

  it('already required from the App: nothing to change', () => {
    expect(rulesWithCheck([status([{ context: 'gate', integration_id: APP }])], 'gate', APP)).toBeUndefined();
  });
});

class Sink extends Writable {
  override _write(_c: Buffer, _e: string, cb: () => void): void {
    cb();
  }
}

let fake: FakeGithub;
let admin: GitHub;
const where = { owner: 'octo', repo: 'repo', branch: 'master', checkName: 'gate' };
beforeAll(async () => {
  fake = await startFakeGithub();
  admin = await createGithub({ token: 'ghp_x', baseUrl: fake.url, logger: new ConsoleLogger(new Sink()), retries: 0 });
});
afterEach(() => {
  expect(fake.problems()).toEqual([]);
  fake.reset();
});
afterAll(() => fake.close());

describe('protectBranch with rulesets', () => {
  it('prefers the ruleset whose rule names the check, re-pins it, and reports an organization ruleset', async () => {
    fake.rulesets.push(
      { id: 1, name: 'first', enforcement: 'active', include: ['~ALL'], rules: [{ type: 'deletion' }], puts: [] },
      {
        id: 2,
        name: 'checks',
        enforcement: 'active',
        include: ['~DEFAULT_BRANCH'],
        rules: [status([{ context: 'gate', integration_id: 15368 }])],
        puts: [],
      },
      {
        id: 3,
        name: 'org',
        enforcement: 'active',
        include: ['~ALL'],
        rules: [status([{ context: 'gate' }])],
        organization: 'octo',
        puts: [],
      },
    );
    const lines = await protectBranch({ github: admin, ...where, appId: APP });
    expect(lines).toEqual([
      `Requiring "gate" from app ${APP} (--app-id).`,
      'Organization ruleset 3 already requires "gate" on master; an organization\'s rulesets are changed by its owners, not here.',
      `ruleset "checks" (id 2) now requires "gate" from app ${APP} (before, it was not pinned to that app; other rules kept).`,
    ]);
    expect(fake.rulesets[0]?.puts).toEqual([]);
    expect(fake.rulesets[1]?.rules).toEqual([status([{ context: 'gate', integration_id: APP }])]);
    expect(fake.rulesets[2]?.puts).toEqual([]);
    expect(await protectBranch({ github: admin, ...where, appId: APP })).toContain(
      `ruleset "checks" (id 2) already requires "gate" from app ${APP}; nothing changed.`,
    );
    expect(fake.rulesets[1]?.puts).toHaveLength(1);
  });

  it('a disabled ruleset does not govern the branch: classic protection is used', async () => {
    fake.rulesets.push({ id: 1, name: 'off', enforcement: 'disabled', include: ['~ALL'], rules: [], puts: [] });
    const lines = await protectBranch({ github: admin, ...where, appId: APP });
    expect(lines.at(-1)).toBe(`master is now protected and requires "gate" from app ${APP}.`);
  });
});

describe('findCheckApp', () => {
  it('takes the newest run of the check on the newest commit that has one, whichever App', async () => {
    const [older, newer] = fake.repository.push('master', 2);
    fake.addCheckRun({ name: 'gate', head_sha: older as string, app_id: 15368 });
    fake.addCheckRun({ name: 'gate', head_sha: newer as string, app_id: 15368, started_at: '2025-01-01T00:00:00Z' });
    fake.addCheckRun({ name: 'gate', head_sha: newer as string, app_id: APP, started_at: '2025-01-02T00:00:00Z' });
    fake.addCheckRun({ name: 'other', head_sha: newer as string, app_id: 7, started_at: '2025-01-03T00:00:00Z' });
    expect(await findCheckApp({ github: admin, ...where })).toEqual({ appId: APP, appSlug: `app-${APP}`, sha: newer });
    expect(await findCheckApp({ github: admin, ...where, checkName: 'missing' })).toBeUndefined();
  });
});
