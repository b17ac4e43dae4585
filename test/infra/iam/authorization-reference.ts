// The trimmed offline copy of AWS's Service Authorization Reference (test/fixtures/iam/service-authorization.json) and
// the questions the template tests ask it: does this action exist, which resource types (ARN formats) does it take,
// is this condition key known.
import { readFileSync } from 'node:fs';

import type { PolicyStatement } from './policy-eval.js';

interface ServiceData {
  actions: Record<string, string[]>;
  resourceTypes: Record<string, string>;
  conditionKeys: string[];
}

export interface AuthorizationReference {
  source: string;
  dataDate: string;
  globalConditionKeys: string[];
  services: Record<string, ServiceData>;
}

export const REFERENCE = JSON.parse(
  readFileSync(new URL('../../fixtures/iam/service-authorization.json', import.meta.url), 'utf8'),
) as AuthorizationReference;

/**
 * Keys IAM documents for web identity federation ("Available keys for OIDC federation" in the IAM user guide) rather
 * than in the Service Authorization Reference: `<provider>:aud`, `:sub`, `:amr` for any OIDC provider. The reference's
 * STS page lists the provider's other claims (`token.actions.githubusercontent.com:repository`, …), which shows the
 * provider's key namespace.
 */
const OIDC_FEDERATION_CLAIMS = ['aud', 'sub', 'amr'];

const asList = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** The resource types of `service:Action`, or undefined when the reference has no such action. */
export function resourceTypesOf(action: string, ref = REFERENCE): string[] | undefined {
  const [service = '', name = ''] = action.split(':');
  return ref.services[service]?.actions[name];
}

/** A reference ARN format (`arn:${Partition}:s3:::${BucketName}/${ObjectName}`) as a glob: each `${…}` a `*`. */
const formatGlob = (format: string): string => format.replace(/\$\{[A-Za-z]+\}/g, '*');

/** Whether some string matches both globs (`*` any run of characters, `?` one): a policy ARN and an ARN format. */
export function globsIntersect(a: string, b: string): boolean {
  const memo = new Map<string, boolean>();
  const go = (i: number, j: number): boolean => {
    const key = `${i},${j}`;
    const known = memo.get(key);
    if (known !== undefined) return known;
    let result: boolean;
    if (i === a.length && j === b.length) result = true;
    else if (a[i] === '*') result = go(i + 1, j) || (j < b.length && go(i, j + 1));
    else if (b[j] === '*') result = go(i, j + 1) || (i < a.length && go(i + 1, j));
    else if (i === a.length || j === b.length) result = false;
    else result = (a[i] === b[j] || a[i] === '?' || b[j] === '?') && go(i + 1, j + 1);
    memo.set(key, result);
    return result;
  };
  return go(0, 0);
}

/** The resource types of `action` whose ARN format a policy's resource (wildcards and all) can name. */
export function matchingResourceTypes(action: string, resource: string, ref = REFERENCE): string[] {
  const [service = ''] = action.split(':');
  return (resourceTypesOf(action, ref) ?? []).filter((type) => {
    const format = ref.services[service]?.resourceTypes[type];
    return format !== undefined && globsIntersect(resource, formatGlob(format.replace('${Partition}', 'aws')));
  });
}

/** Whether a condition key is one IAM knows: a global key, the service's own, or an OIDC provider's claim. */
export function conditionKeyKnown(key: string, ref = REFERENCE): boolean {
  const lower = key.toLowerCase();
  const matches = (known: string): boolean => {
    const k = known.toLowerCase();
    const template = /\$\{[a-z]+\}|\/tag-key$|\/<key>$/;
    if (!template.test(k)) return k === lower;
    const prefix = k.replace(/(\$\{[a-z]+\}|tag-key|<key>)$/, '');
    return lower.startsWith(prefix) && lower.length > prefix.length;
  };
  if (ref.globalConditionKeys.some(matches)) return true;
  const colon = key.lastIndexOf(':');
  const [namespace, claim] = [key.slice(0, colon), key.slice(colon + 1)];
  if (OIDC_FEDERATION_CLAIMS.includes(claim) && namespace.includes('.')) {
    const providerKeys = ref.services.sts?.conditionKeys ?? [];
    return providerKeys.some((k) => k.toLowerCase().startsWith(`${namespace.toLowerCase()}:`));
  }
  const service = key.split(':')[0] ?? '';
  return (ref.services[service]?.conditionKeys ?? []).some(matches);
}

/** Every problem the reference finds in a statement: unknown actions, ARNs of no type the action takes, unknown keys. */
export function statementProblems(s: PolicyStatement, ref = REFERENCE): string[] {
  const problems: string[] = [];
  const where = s.Sid ?? JSON.stringify(s.Action);
  for (const action of asList(s.Action)) {
    const types = resourceTypesOf(action, ref);
    if (types === undefined) {
      problems.push(`${where}: ${action} is not an action of the reference`);
      continue;
    }
    for (const resource of asList(s.Resource)) {
      if (resource === '*') continue;
      if (matchingResourceTypes(action, resource, ref).length === 0)
        problems.push(`${where}: ${resource} is of no resource type ${action} takes (${types.join(', ') || 'none'})`);
    }
  }
  for (const keys of Object.values(s.Condition ?? {}))
    for (const key of Object.keys(keys))
      if (!conditionKeyKnown(key, ref)) problems.push(`${where}: condition key ${key} is not in the reference`);
  return problems;
}
