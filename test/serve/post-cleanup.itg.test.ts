// The post step (dist/post.js, run as the runner runs it) removes a serve test's container that a killed main step
// left behind: the id the main step saved under State.ServeContainer. State that is not a Docker id is ignored safely.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import Dockerode from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { SERVE_LABEL } from '../../src/serve/index.js';
import { State } from '../../src/state.js';
import { ensureBuilt, runAction } from '../helpers/actions-env.js';

const BASE_IMAGE = process.env.OFFLINE_BASE_IMAGE ?? 'sagemaker-train/python-offline:bookworm';
const docker = new Dockerode();
const engineEnv: Record<string, string> = process.env.DOCKER_HOST ? { DOCKER_HOST: process.env.DOCKER_HOST } : {};
const job = `bbserve-${process.pid}-${Date.now().toString(36)}`;
const created: Dockerode.Container[] = [];
const workspaces: string[] = [];

beforeAll(() => ensureBuilt(), 180_000);

afterAll(async () => {
  for (const c of created) await c.remove({ force: true }).catch(() => undefined);
  await Promise.all(workspaces.map((w) => rm(w, { recursive: true, force: true })));
});

/** A running container labelled as the serve test labels its own (as the main step would have left it). */
async function serving(name: string): Promise<Dockerode.Container> {
  const container = await docker.createContainer({
    name: `smt-${name}-${job}`,
    Image: BASE_IMAGE,
    Cmd: ['sleep', '300'],
    Labels: { [SERVE_LABEL]: job },
  });
  created.push(container);
  await container.start();
  return container;
}

async function post(state: Record<string, string>) {
  const workspace = await mkdtemp(join(tmpdir(), 'smt-bb-serve-post-'));
  workspaces.push(workspace);
  return runAction('post', {
    workspace,
    state,
    env: engineEnv,
  });
}

describe('dist/post.js and the serve test container', () => {
  it('removes the container whose id the main step saved, even when the main step says it finished', async () => {
    const container = await serving('left');
    const run = await post({ [State.ServeContainer]: container.id, [State.Finished]: 'true' });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain(`Removed the serve test's container ${container.id.slice(0, 12)}`);
    expect(run.stdout).not.toContain('::error');
    await expect(container.inspect()).rejects.toMatchObject({ statusCode: 404 });
  });

  it('ignores a saved value that is not a Docker id, with a warning, and removes nothing', async () => {
    const bystander = await serving('bystander');
    const run = await post({
      [State.ServeContainer]: `$(docker rm -f ${bystander.id}) --all`,
      [State.Finished]: 'true',
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain(`::warning::Ignoring saved state that is not well-formed: ${State.ServeContainer}`);
    expect(run.stdout).not.toContain("Removed the serve test's container");
    expect((await bystander.inspect()).State.Running).toBe(true);
  });

  it('exits 0 with no error when the saved container is already gone', async () => {
    const run = await post({ [State.ServeContainer]: 'f00dfeedf00dfeedf00dfeed' });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).not.toContain('::error');
  });
});
