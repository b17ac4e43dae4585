// A small CloudFormation evaluator for the template tests: resolves parameters (defaults plus overrides), conditions
// and the intrinsic functions the template uses, so policies can be checked as IAM would receive them. Resources come
// back as placeholders (`<Logical>` for Ref, `<Logical.Attr>` for Fn::GetAtt); pseudo parameters get fixed values.
import { parameterProblems, resolveParameters, type ParameterSpec, type RuleSpec } from './cfn-parameters.js';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export const PSEUDO: Record<string, string> = {
  'AWS::Region': 'eu-west-1',
  'AWS::AccountId': '123456789012',
  'AWS::Partition': 'aws',
  'AWS::StackName': 'sagemaker-training',
  'AWS::URLSuffix': 'amazonaws.com',
};

export interface Template {
  Parameters: Record<string, ParameterSpec>;
  Rules?: Record<string, RuleSpec>;
  Conditions: Record<string, Json>;
  Resources: Record<string, { Type: string; Condition?: string; Properties: JsonObject }>;
  Outputs: Record<string, { Value: Json; Condition?: string }>;
}

export interface Evaluated {
  conditions: Record<string, boolean>;
  resources: Record<string, { Type: string; Properties: JsonObject }>;
  outputs: Record<string, Json>;
}

const NO_VALUE = Symbol('AWS::NoValue');
type Value = Json | typeof NO_VALUE;

/** A string, number or boolean as text; a list or map is a mistake in the template. */
export function scalar(node: Json | undefined): string {
  if (typeof node === 'string' || typeof node === 'number' || typeof node === 'boolean') return String(node);
  throw new Error(`Expected a scalar, got ${JSON.stringify(node)}`);
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The one `Fn::*`/`Ref`/`Condition` key of an intrinsic function object, if it is one. */
export function intrinsic(node: Json): { name: string; arg: Json } | undefined {
  if (!isObject(node)) return undefined;
  const keys = Object.keys(node);
  const name = keys[0];
  if (keys.length !== 1 || name === undefined) return undefined;
  if (name !== 'Ref' && name !== 'Condition' && !name.startsWith('Fn::')) return undefined;
  return { name, arg: node[name] ?? null };
}

class Evaluator {
  private readonly conditionValues: Record<string, boolean> = {};

  constructor(
    private readonly template: Template,
    private readonly params: Record<string, string | string[]>,
  ) {}

  condition(name: string): boolean {
    const known = this.conditionValues[name];
    if (known !== undefined) return known;
    const node = this.template.Conditions[name];
    if (node === undefined) throw new Error(`Undefined condition ${name}`);
    const value = this.value(node);
    if (typeof value !== 'boolean') throw new Error(`Condition ${name} is not a boolean`);
    this.conditionValues[name] = value;
    return value;
  }

  value(node: Json): Value {
    if (Array.isArray(node)) return node.map((n) => this.value(n)).filter((v): v is Json => v !== NO_VALUE);
    const fn = intrinsic(node);
    if (fn) return this.call(fn.name, fn.arg);
    if (isObject(node)) {
      const out: JsonObject = {};
      for (const [key, child] of Object.entries(node)) {
        const v = this.value(child);
        if (v !== NO_VALUE) out[key] = v;
      }
      return out;
    }
    return node;
  }

  private str(node: Json): string {
    const v = this.value(node);
    if (typeof v !== 'string') throw new Error(`Expected a string, got ${JSON.stringify(v)}`);
    return v;
  }

  private list(node: Json): Json[] {
    const v = this.value(node);
    if (!Array.isArray(v)) throw new Error(`Expected a list, got ${JSON.stringify(v)}`);
    return v;
  }

  private ref(name: string): Value {
    if (name === 'AWS::NoValue') return NO_VALUE;
    const pseudo = PSEUDO[name];
    if (pseudo !== undefined) return pseudo;
    const param = this.params[name];
    if (param !== undefined) return param;
    if (name in this.template.Resources) return `<${name}>`;
    throw new Error(`Ref to undefined ${name}`);
  }

  private call(name: string, arg: Json): Value {
    const args = Array.isArray(arg) ? arg : [arg];
    switch (name) {
      case 'Ref':
        return this.ref(scalar(arg));
      case 'Condition':
        return this.condition(scalar(arg));
      case 'Fn::GetAtt': {
        const [resource, attribute] = args.map(scalar);
        if (resource === undefined || !(resource in this.template.Resources)) throw new Error(`GetAtt ${resource}`);
        return `<${resource}.${attribute}>`;
      }
      case 'Fn::If': {
        const [cond, whenTrue, whenFalse] = args;
        return this.condition(scalar(cond)) ? this.value(whenTrue ?? null) : this.value(whenFalse ?? null);
      }
      case 'Fn::Equals':
        return JSON.stringify(this.value(args[0] ?? null)) === JSON.stringify(this.value(args[1] ?? null));
      case 'Fn::Not':
        return !this.value(args[0] ?? null);
      case 'Fn::And':
        return args.every((a) => this.value(a) === true);
      case 'Fn::Or':
        return args.some((a) => this.value(a) === true);
      case 'Fn::Join':
        return this.list(args[1] ?? null)
          .map(scalar)
          .join(scalar(args[0]));
      case 'Fn::Split':
        return this.str(args[1] ?? null).split(scalar(args[0]));
      case 'Fn::Select': {
        const item = this.list(args[1] ?? null)[Number(scalar(args[0]))];
        if (item === undefined) throw new Error(`Fn::Select ${scalar(args[0])} is out of range`);
        return item;
      }
      case 'Fn::Sub':
        return this.sub(arg);
      default:
        throw new Error(`Unsupported intrinsic function ${name}`);
    }
  }

  private sub(arg: Json): string {
    const [text, vars] = Array.isArray(arg) ? arg : [arg, {}];
    if (typeof text !== 'string' || !isObject(vars)) throw new Error('Fn::Sub takes a string and a map');
    return text.replace(/\$\{(!?)([^}]+)\}/g, (_all, bang: string, name: string) => {
      if (bang === '!') return `\${${name}}`;
      const local = vars[name];
      if (local !== undefined) return this.str(local);
      const dot = name.indexOf('.');
      if (dot > 0 && !name.startsWith('AWS::'))
        return this.str({ 'Fn::GetAtt': [name.slice(0, dot), name.slice(dot + 1)] });
      const v = this.ref(name);
      if (typeof v !== 'string') throw new Error(`\${${name}} is not a string`);
      return v;
    });
  }
}

/**
 * The template as CloudFormation would deploy it with these parameter values (others take their defaults); throws, as
 * CloudFormation refuses to start, when a value breaks its parameter's constraints or a rule.
 */
export function evaluate(template: Template, overrides: Record<string, string>): Evaluated {
  const problems = parameterProblems(template.Parameters, template.Rules ?? {}, overrides);
  if (problems.length > 0) throw new Error(`CloudFormation would refuse the parameters: ${problems.join('; ')}`);
  const params = resolveParameters(template.Parameters, overrides);
  const evaluator = new Evaluator(template, params);
  const conditions = Object.fromEntries(Object.keys(template.Conditions).map((c) => [c, evaluator.condition(c)]));
  const resources: Evaluated['resources'] = {};
  for (const [name, resource] of Object.entries(template.Resources)) {
    if (resource.Condition !== undefined && !evaluator.condition(resource.Condition)) continue;
    resources[name] = { Type: resource.Type, Properties: evaluator.value(resource.Properties) as JsonObject };
  }
  const outputs: Record<string, Json> = {};
  for (const [name, output] of Object.entries(template.Outputs)) {
    if (output.Condition !== undefined && !evaluator.condition(output.Condition)) continue;
    outputs[name] = evaluator.value(output.Value) as Json;
  }
  return { conditions, resources, outputs };
}

/** Every name a node refers to: Ref, Fn::GetAtt, `${…}` in Fn::Sub (less its own variables), and conditions. */
export function references(node: Json, found: { refs: Set<string>; conditions: Set<string> }): void {
  if (Array.isArray(node)) {
    for (const child of node) references(child, found);
    return;
  }
  const fn = intrinsic(node);
  if (fn?.name === 'Ref') found.refs.add(scalar(fn.arg));
  else if (fn?.name === 'Condition' && typeof fn.arg === 'string') found.conditions.add(fn.arg);
  else if (fn?.name === 'Fn::GetAtt' && Array.isArray(fn.arg)) found.refs.add(scalar(fn.arg[0]));
  else if (fn?.name === 'Fn::If' && Array.isArray(fn.arg)) found.conditions.add(scalar(fn.arg[0]));
  else if (fn?.name === 'Fn::Sub') {
    const [text, vars] = Array.isArray(fn.arg) ? fn.arg : [fn.arg, {}];
    const own = isObject(vars) ? Object.keys(vars) : [];
    for (const match of scalar(text).matchAll(/\$\{(?!!)([^}.]+)[^}]*\}/g)) {
      const name = match[1] ?? '';
      if (!own.includes(name)) found.refs.add(name);
    }
  }
  if (isObject(node)) for (const child of Object.values(node)) references(child, found);
}

/** Names the template uses but does not define: Refs, GetAtts and `${…}` to nothing, and unknown conditions. */
export function undefinedReferences(template: Template): { refs: string[]; conditions: string[] } {
  const found = { refs: new Set<string>(), conditions: new Set<string>() };
  references(template.Conditions, found);
  references((template.Rules ?? {}) as unknown as Json, found);
  references(template.Resources, found);
  references(template.Outputs, found);
  for (const r of [...Object.values(template.Resources), ...Object.values(template.Outputs)]) {
    if (r.Condition !== undefined) found.conditions.add(r.Condition);
  }
  const defined = new Set([
    ...Object.keys(template.Parameters),
    ...Object.keys(template.Resources),
    ...Object.keys(PSEUDO),
    'AWS::NoValue',
  ]);
  return {
    refs: [...found.refs].filter((r) => !defined.has(r)),
    conditions: [...found.conditions].filter((c) => !(c in template.Conditions)),
  };
}

/** Parameters and conditions nothing uses. */
export function unusedDefinitions(template: Template): { parameters: string[]; conditions: string[] } {
  const found = { refs: new Set<string>(), conditions: new Set<string>() };
  references(template as unknown as Json, found);
  for (const r of Object.values(template.Resources)) if (r.Condition !== undefined) found.conditions.add(r.Condition);
  return {
    parameters: Object.keys(template.Parameters).filter((p) => !found.refs.has(p)),
    conditions: Object.keys(template.Conditions).filter((c) => !found.conditions.has(c)),
  };
}
