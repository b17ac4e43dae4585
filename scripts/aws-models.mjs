// Writes test/fixtures/aws-models/<service>.json: the parts of AWS's published API models (botocore's service-2.json,
// Apache-2.0) for the operations this project calls over the JSON protocols, with every shape their requests and
// responses reach (member names, types, required members, enums, lengths, ranges and patterns; no documentation).
// test/helpers/aws-model.ts checks the requests the code builds, and the answers the fakes give, against them.
//
//   node scripts/aws-models.mjs [botocore data folder]
// Default folder: Debian's python3-botocore (apt-get install python3-botocore, or `apt-get download` and `dpkg -x`).
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const DATA = process.argv[2] ?? '/usr/lib/python3/dist-packages/botocore/data';
const SERVICES = {
  sagemaker: {
    version: '2017-07-24',
    operations: [
      'CreateTrainingJob',
      'DescribeTrainingJob',
      'StopTrainingJob',
      'ListTags',
      'DescribeModelPackageGroup',
      'CreateModelPackageGroup',
      'ListModelPackages',
      'CreateModelPackage',
    ],
  },
  logs: { version: '2014-03-28', operations: ['GetLogEvents', 'DescribeLogStreams'] },
  ecs: { version: '2014-11-13', operations: ['RunTask', 'DescribeTasks', 'StopTask', 'DescribeTaskDefinition'] },
  secretsmanager: { version: '2017-10-17', operations: ['GetSecretValue'] },
};
const KEEP = ['type', 'required', 'members', 'member', 'key', 'value', 'shape', 'enum', 'min', 'max', 'pattern'];

function strip(shape) {
  const out = {};
  for (const key of KEEP) if (shape[key] !== undefined) out[key] = shape[key];
  if (out.members) {
    out.members = Object.fromEntries(Object.entries(out.members).map(([name, m]) => [name, { shape: m.shape }]));
  }
  for (const key of ['member', 'key', 'value']) if (out[key]) out[key] = { shape: out[key].shape };
  return out;
}

const init = await readFile(join(DATA, '..', '__init__.py'), 'utf8').catch(() => '');
const botocoreVersion = /__version__ = '([^']+)'/.exec(init)?.[1] ?? 'unknown';
for (const [service, { version, operations }] of Object.entries(SERVICES)) {
  const model = JSON.parse(await readFile(join(DATA, service, version, 'service-2.json'), 'utf8'));
  const shapes = {};
  const visit = (name) => {
    if (!name || shapes[name]) return;
    const shape = model.shapes[name];
    if (!shape) throw new Error(`${service}: no shape ${name}`);
    shapes[name] = strip(shape);
    for (const m of Object.values(shape.members ?? {})) visit(m.shape);
    for (const key of ['member', 'key', 'value']) visit(shape[key]?.shape);
  };
  const ops = {};
  for (const op of operations) {
    const o = model.operations[op];
    if (!o) throw new Error(`${service}: no operation ${op}`);
    ops[op] = { input: o.input?.shape, output: o.output?.shape, errors: (o.errors ?? []).map((e) => e.shape) };
    visit(o.input?.shape);
    visit(o.output?.shape);
  }
  const sorted = Object.fromEntries(Object.entries(shapes).sort(([a], [b]) => (a < b ? -1 : 1)));
  const file = {
    source: `botocore ${botocoreVersion} data/${service}/${version}/service-2.json (Apache-2.0), trimmed by scripts/aws-models.mjs`,
    protocol: model.metadata.protocol,
    apiVersion: model.metadata.apiVersion,
    operations: ops,
    shapes: sorted,
  };
  await writeFile(
    new URL(`../test/fixtures/aws-models/${service}.json`, import.meta.url),
    `${JSON.stringify(file, null, 1)}\n`,
  );
  console.log(`${service}: ${operations.length} operations, ${Object.keys(sorted).length} shapes`);
}
