// infra/sagemaker-training.yml against AWS's published CloudFormation resource specification (the copy in
// @aws-cdk/cfnspec): every resource type exists, every property is one its type has, required properties are set,
// values have the specified shape (list, map, property type, primitive), and every Fn::GetAtt names a real attribute.
// What `aws cloudformation validate-template` and cfn-lint would reject for these reasons fails here, offline.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

import { evaluate, isObject, type Evaluated, type Json, type Template } from './cfn.js';
import { SCENARIOS } from './scenarios.js';

interface PropertySpec {
  Required?: boolean;
  PrimitiveType?: string;
  Type?: string;
  ItemType?: string;
  PrimitiveItemType?: string;
}
interface TypeSpec {
  Properties?: Record<string, PropertySpec>;
  Attributes?: Record<string, unknown>;
}
interface Specification {
  ResourceSpecificationVersion: string;
  ResourceTypes: Record<string, TypeSpec>;
  PropertyTypes: Record<string, TypeSpec>;
}

const specPath = createRequire(import.meta.url).resolve('@aws-cdk/cfnspec/spec/specification.json');
const spec = JSON.parse(await readFile(specPath, 'utf8')) as Specification;
const template = parse(
  await readFile(new URL('../../infra/sagemaker-training.yml', import.meta.url), 'utf8'),
) as Template;

/** `AWS::ECS::TaskDefinition.ContainerDefinition`, or a shared type such as `Tag`. */
function propertyType(resourceType: string, name: string): TypeSpec | undefined {
  return spec.PropertyTypes[`${resourceType}.${name}`] ?? spec.PropertyTypes[name];
}

function checkPrimitive(value: Json, primitive: string, path: string, problems: string[]): void {
  const ok = ((): boolean => {
    switch (primitive) {
      case 'String':
      case 'Timestamp':
        return typeof value === 'string' || typeof value === 'number';
      case 'Integer':
      case 'Long':
      case 'Double':
        return typeof value === 'number' || (typeof value === 'string' && value.trim() !== '' && !isNaN(Number(value)));
      case 'Boolean':
        return typeof value === 'boolean' || value === 'true' || value === 'false';
      case 'Json':
        return isObject(value);
      default:
        return false;
    }
  })();
  if (!ok) problems.push(`${path}: expected ${primitive}, got ${JSON.stringify(value)}`);
}

function checkObject(value: Json, type: TypeSpec | undefined, resourceType: string, path: string, problems: string[]) {
  if (!type) return void problems.push(`${path}: no such property type in the specification`);
  if (!isObject(value)) return void problems.push(`${path}: expected an object, got ${JSON.stringify(value)}`);
  const properties = type.Properties ?? {};
  for (const [key, child] of Object.entries(value)) {
    const property = properties[key];
    if (!property) problems.push(`${path}.${key}: not a property (has ${Object.keys(properties).sort().join(', ')})`);
    else checkValue(child, property, resourceType, `${path}.${key}`, problems);
  }
  for (const [key, property] of Object.entries(properties)) {
    if (property.Required && !(key in value)) problems.push(`${path}.${key}: required`);
  }
}

function checkItem(value: Json, property: PropertySpec, resourceType: string, path: string, problems: string[]) {
  if (property.PrimitiveItemType) checkPrimitive(value, property.PrimitiveItemType, path, problems);
  else checkObject(value, propertyType(resourceType, property.ItemType ?? '?'), resourceType, path, problems);
}

function checkValue(value: Json, property: PropertySpec, resourceType: string, path: string, problems: string[]) {
  if (property.PrimitiveType) return checkPrimitive(value, property.PrimitiveType, path, problems);
  if (property.Type === 'List') {
    if (!Array.isArray(value)) return void problems.push(`${path}: expected a list, got ${JSON.stringify(value)}`);
    value.forEach((item, i) => checkItem(item, property, resourceType, `${path}[${i}]`, problems));
    return;
  }
  if (property.Type === 'Map') {
    if (!isObject(value)) return void problems.push(`${path}: expected a map, got ${JSON.stringify(value)}`);
    for (const [key, item] of Object.entries(value))
      checkItem(item, property, resourceType, `${path}.${key}`, problems);
    return;
  }
  checkObject(value, propertyType(resourceType, property.Type ?? '?'), resourceType, path, problems);
}

/** `<Logical.Attr>` placeholders the evaluator leaves for Fn::GetAtt (in values and inside Fn::Sub strings). */
function getAtts(node: Json, found: Set<string>): void {
  if (typeof node === 'string') for (const m of node.matchAll(/<([A-Za-z0-9]+)\.([A-Za-z0-9.]+)>/g)) found.add(m[0]);
  else if (Array.isArray(node)) node.forEach((n) => getAtts(n, found));
  else if (isObject(node)) Object.values(node).forEach((n) => getAtts(n, found));
}

function specProblems(stack: Evaluated): string[] {
  const problems: string[] = [];
  for (const [name, resource] of Object.entries(stack.resources)) {
    const type = spec.ResourceTypes[resource.Type];
    if (!type) {
      problems.push(`${name}: ${resource.Type} is not a CloudFormation resource type`);
      continue;
    }
    checkObject(resource.Properties, type, resource.Type, name, problems);
  }
  const atts = new Set<string>();
  getAtts(stack.resources, atts);
  getAtts(stack.outputs, atts);
  for (const att of atts) {
    const [logical, attribute] = att.slice(1, -1).split(/\.(.*)/s) as [string, string];
    const resource = stack.resources[logical];
    if (!resource) continue; // a resource its condition left out; undefined names are template.test.ts's concern
    if (!(attribute in (spec.ResourceTypes[resource.Type]?.Attributes ?? {})))
      problems.push(`Fn::GetAtt ${logical}.${attribute}: ${resource.Type} has no such attribute`);
  }
  return problems;
}

describe('infra/sagemaker-training.yml against the CloudFormation resource specification', () => {
  it.each(Object.keys(SCENARIOS))(
    'has only known types, properties and attributes, of the right shape (%s)',
    (name) => {
      expect(specProblems(evaluate(template, SCENARIOS[name] ?? {}))).toEqual([]);
    },
  );

  it('would catch an unknown type, an unknown or missing property, a wrong shape and a bad attribute', () => {
    const stack = evaluate(template, SCENARIOS.defaults ?? {});
    const roleName = Object.keys(stack.resources).find((n) => stack.resources[n]?.Type === 'AWS::IAM::Role') ?? '';
    const taskName =
      Object.keys(stack.resources).find((n) => stack.resources[n]?.Type === 'AWS::ECS::TaskDefinition') ?? '';
    const role = stack.resources[roleName];
    const task = stack.resources[taskName];
    if (!role || !task) throw new Error('the template has no role or task definition');
    // The trust policy under a misspelt key: an unknown property, and the required one missing.
    const { AssumeRolePolicyDocument: trust, ...rest } = role.Properties;
    const trustRenamed = { ...rest, AssumeRolePolicyDoc: trust ?? {} };
    const broken: Evaluated = {
      ...stack,
      resources: {
        ...stack.resources,
        [roleName]: { Type: role.Type, Properties: { ...trustRenamed } },
        [taskName]: {
          Type: task.Type,
          Properties: {
            ...task.Properties,
            ContainerDefinitions: [{ Name: 'runner', Image: 'x', StopTimeout: 'soon', Essential: 'yes' }],
          },
        },
        Queue: { Type: 'AWS::SQS::Queues', Properties: {} },
      },
      outputs: { ...stack.outputs, Broken: `<${roleName}.Name>` },
    };
    const problems = specProblems(broken);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`^${roleName}\\.AssumeRolePolicyDoc: not a property`)),
        `${roleName}.AssumeRolePolicyDocument: required`,
        `${taskName}.ContainerDefinitions[0].StopTimeout: expected Integer, got "soon"`,
        `${taskName}.ContainerDefinitions[0].Essential: expected Boolean, got "yes"`,
        'Queue: AWS::SQS::Queues is not a CloudFormation resource type',
        `Fn::GetAtt ${roleName}.Name: AWS::IAM::Role has no such attribute`,
      ]),
    );
  });

  it('uses a specification recent enough to know every type the template creates', () => {
    expect(Number(spec.ResourceSpecificationVersion.split('.')[0])).toBeGreaterThanOrEqual(100);
  });
});
