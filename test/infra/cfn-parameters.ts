// What CloudFormation checks of the parameters before it creates anything: each value against its AllowedPattern
// (every element of a CommaDelimitedList), AllowedValues and MinValue/MaxValue, a value for each parameter without a
// default, and the template's Rules assertions. The template tests evaluate the template only with values that pass.
import { intrinsic, scalar, type Json } from './cfn.js';

export interface ParameterSpec {
  Type: string;
  Default?: string | number;
  AllowedPattern?: string;
  AllowedValues?: (string | number)[];
  MinValue?: number;
  MaxValue?: number;
}

export interface RuleSpec {
  RuleCondition?: Json;
  Assertions: { Assert: Json; AssertDescription?: string }[];
}

type Values = Record<string, string | string[]>;

/** The parameter values as CloudFormation resolves them (defaults, overrides, lists split), with no checks. */
export function resolveParameters(
  parameters: Record<string, ParameterSpec>,
  overrides: Record<string, string>,
): Values {
  const out: Values = {};
  for (const [name, param] of Object.entries(parameters)) {
    const raw = overrides[name] ?? (param.Default === undefined ? undefined : String(param.Default));
    if (raw === undefined) continue;
    out[name] = param.Type === 'CommaDelimitedList' ? raw.split(',').map((s) => s.trim()) : raw;
  }
  return out;
}

function valueProblems(name: string, param: ParameterSpec, value: string | string[] | undefined): string[] {
  if (value === undefined) return [`${name}: a value is required (no default)`];
  const items = Array.isArray(value) ? value : [value];
  const problems: string[] = [];
  for (const item of items) {
    if (param.AllowedPattern !== undefined && !new RegExp(param.AllowedPattern).test(item))
      problems.push(`${name}: ${JSON.stringify(item)} does not match ${param.AllowedPattern}`);
    if (param.AllowedValues && !param.AllowedValues.map(String).includes(item))
      problems.push(`${name}: ${JSON.stringify(item)} is not one of ${param.AllowedValues.join(', ')}`);
    if (param.MinValue !== undefined && Number(item) < param.MinValue)
      problems.push(`${name}: below ${param.MinValue}`);
    if (param.MaxValue !== undefined && Number(item) > param.MaxValue)
      problems.push(`${name}: above ${param.MaxValue}`);
  }
  return problems;
}

/** Rule functions: the subset of Fn::And/Or/Not/Equals and Ref the template's rules use. */
function ruleValue(node: Json, values: Values): Json | string[] {
  const fn = intrinsic(node);
  if (!fn) return node;
  const args = Array.isArray(fn.arg) ? fn.arg : [fn.arg];
  switch (fn.name) {
    case 'Ref':
      return values[scalar(fn.arg)] ?? '';
    case 'Fn::Equals':
      return JSON.stringify(ruleValue(args[0] ?? null, values)) === JSON.stringify(ruleValue(args[1] ?? null, values));
    case 'Fn::Not':
      return ruleValue(args[0] ?? null, values) !== true;
    case 'Fn::And':
      return args.every((a) => ruleValue(a, values) === true);
    case 'Fn::Or':
      return args.some((a) => ruleValue(a, values) === true);
    default:
      throw new Error(`Unsupported rule function ${fn.name}`);
  }
}

/** Every reason CloudFormation would refuse these parameter values; empty when it would accept them. */
export function parameterProblems(
  parameters: Record<string, ParameterSpec>,
  rules: Record<string, RuleSpec>,
  overrides: Record<string, string>,
): string[] {
  const values = resolveParameters(parameters, overrides);
  const problems = Object.entries(parameters).flatMap(([name, p]) => valueProblems(name, p, values[name]));
  for (const name of Object.keys(overrides))
    if (!(name in parameters)) problems.push(`${name}: not a parameter of the template`);
  for (const [name, rule] of Object.entries(rules)) {
    if (rule.RuleCondition !== undefined && ruleValue(rule.RuleCondition, values) !== true) continue;
    for (const a of rule.Assertions)
      if (ruleValue(a.Assert, values) !== true) problems.push(`${name}: ${a.AssertDescription ?? 'assertion failed'}`);
  }
  return problems;
}
