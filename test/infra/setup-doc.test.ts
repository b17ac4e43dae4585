// docs/aws-setup.md: the configuration each remote mode's section shows, and the stack's snippets it is pasted from,
// load as valid configurations (the snippet with the stack's names, plus the job's own settings).
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

import { loadRequest } from '../../src/config/index.js';
import { evaluate, scalar, type Template } from './cfn.js';
import { deployedNames } from './iam/stack-policies.js';
import { SCENARIOS } from './scenarios.js';

const doc = await readFile(new URL('../../docs/aws-setup.md', import.meta.url), 'utf8');
const template = parse(
  await readFile(new URL('../../infra/sagemaker-training.yml', import.meta.url), 'utf8'),
) as Template;
const workspace = await mkdtemp(join(tmpdir(), 'aws-setup-doc-'));
afterAll(() => rm(workspace, { recursive: true, force: true }));

/** The YAML blocks of the page that are configurations of `mode`. */
const configBlocks = (mode: string): string[] =>
  [...doc.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1] ?? '').filter((b) => b.startsWith(`mode: ${mode}\n`));

async function load(text: string) {
  await writeFile(join(workspace, 'Dockerfile'), 'FROM scratch\n');
  await writeFile(join(workspace, 'config.yml'), text);
  return loadRequest({ workspace, configFile: 'config.yml', configFileExplicit: true, overrides: [], env: {} });
}

describe.each(['sagemaker', 'fargate'])('docs/aws-setup.md, mode %s', (mode) => {
  it('shows one configuration, and it loads', async () => {
    const blocks = configBlocks(mode);
    expect(blocks).toHaveLength(1);
    const request = await load(blocks[0] ?? '');
    expect(request.mode).toBe(mode);
  });

  it('the stack’s snippet, with its names, plus an instance type, loads', async () => {
    const stack = evaluate(template, SCENARIOS.everything ?? {});
    const name = mode === 'sagemaker' ? 'SageMakerConfigSnippet' : 'FargateConfigSnippet';
    const snippet = scalar(deployedNames(stack)(stack.outputs[name] ?? null))
      .replace('subnet-REPLACE-ME', 'subnet-0abc1234')
      .replace('sg-REPLACE-ME', 'sg-0abc1234');
    const config = parse(snippet) as { job: Record<string, string> };
    config.job['instance-type'] = 'ml.m5.large';
    const request = await load(JSON.stringify(config));
    expect(request.mode).toBe(mode);
  });
});
