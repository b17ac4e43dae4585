// A small evaluator of IAM policy documents, enough for infra/sagemaker-training.yml: identity policies and trust
// policies, Allow and explicit Deny (a Deny wins, nothing allowed is denied by default), Action/NotAction and
// Resource/NotResource with IAM's `*` and `?` wildcards (actions case-insensitive, resources case-sensitive), Principal
// for trust policies, and the condition operators the template uses (String*, Arn*, Bool, Null, with IfExists and the
// ForAnyValue/ForAllValues set qualifiers). It refuses what it does not know rather than guess.

export type Values = string | string[];
export type ConditionBlock = Record<string, Record<string, Values>>;

export interface PolicyStatement {
  Sid?: string;
  /** Allow or Deny; anything else is refused when evaluated. */
  Effect: string;
  Action?: Values;
  NotAction?: Values;
  Resource?: Values;
  NotResource?: Values;
  Principal?: '*' | Record<string, Values>;
  Condition?: ConditionBlock;
}

export interface PolicyDocument {
  Version?: string;
  Statement: PolicyStatement[];
}

/** One request: who asks (for trust policies), what, on which resource, and the request's context keys. */
export interface AccessRequest {
  action: string;
  resource?: string;
  principal?: { type: 'Federated' | 'Service' | 'AWS'; id: string };
  context?: Record<string, Values>;
}

export type Decision = 'allowed' | 'explicitly denied' | 'implicitly denied';

const asList = (v: Values | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** IAM's wildcard match: `*` any run of characters (slashes included), `?` one character. */
export function wildcardMatch(pattern: string, value: string, ignoreCase = false): boolean {
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${source}$`, ignoreCase ? 'is' : 's').test(value);
}

/** ARN matching: each of the six colon-separated parts on its own (ArnLike), wildcards allowed. */
function arnMatch(pattern: string, value: string): boolean {
  const p = pattern.split(':');
  const v = value.split(':');
  if (p.length < 6 || v.length < 6) return false;
  const head = (parts: string[]): string[] => [...parts.slice(0, 5), parts.slice(5).join(':')];
  const [pp, vv] = [head(p), head(v)];
  return pp.every((part, i) => wildcardMatch(part, vv[i] ?? ''));
}

type Comparator = (policyValue: string, requestValue: string) => boolean;

const COMPARATORS: Record<string, { compare: Comparator; negated: boolean }> = {
  StringEquals: { compare: (p, r) => p === r, negated: false },
  StringNotEquals: { compare: (p, r) => p === r, negated: true },
  StringEqualsIgnoreCase: { compare: (p, r) => p.toLowerCase() === r.toLowerCase(), negated: false },
  StringNotEqualsIgnoreCase: { compare: (p, r) => p.toLowerCase() === r.toLowerCase(), negated: true },
  StringLike: { compare: (p, r) => wildcardMatch(p, r), negated: false },
  StringNotLike: { compare: (p, r) => wildcardMatch(p, r), negated: true },
  ArnEquals: { compare: arnMatch, negated: false },
  ArnLike: { compare: arnMatch, negated: false },
  ArnNotEquals: { compare: arnMatch, negated: true },
  ArnNotLike: { compare: arnMatch, negated: true },
  Bool: { compare: (p, r) => p.toLowerCase() === r.toLowerCase(), negated: false },
};

/** One condition operator (with its qualifiers) on one key: true when the request satisfies it. */
function conditionHolds(operator: string, key: string, expected: Values, context: Record<string, Values>): boolean {
  const match = /^(ForAnyValue:|ForAllValues:)?([A-Za-z]+?)(IfExists)?$/.exec(operator);
  if (!match) throw new Error(`Unsupported condition operator ${operator}`);
  const [, set, base = '', ifExists] = match;
  const entry = Object.entries(context).find(([k]) => k.toLowerCase() === key.toLowerCase());
  const present = entry === undefined ? undefined : asList(entry[1]);
  const wanted = asList(expected);
  if (base === 'Null') {
    const isNull = present === undefined;
    return wanted.every((w) => (w === 'true') === isNull);
  }
  const cmp = COMPARATORS[base];
  if (!cmp) throw new Error(`Unsupported condition operator ${operator}`);
  if (present === undefined) {
    // A missing key: IfExists and ForAllValues hold, ForAnyValue does not, a negated operator does, others do not.
    if (ifExists !== undefined || set === 'ForAllValues:') return true;
    return set === 'ForAnyValue:' ? false : cmp.negated;
  }
  const anyMatch = (value: string): boolean => wanted.some((w) => cmp.compare(w, value));
  if (set === 'ForAllValues:') return present.every((v) => anyMatch(v) !== cmp.negated);
  if (set === 'ForAnyValue:') return present.some((v) => anyMatch(v) !== cmp.negated);
  if (present.length !== 1) throw new Error(`${key} is multivalued: use ForAnyValue or ForAllValues`);
  return anyMatch(present[0] ?? '') !== cmp.negated;
}

function conditionsHold(block: ConditionBlock | undefined, context: Record<string, Values>): boolean {
  return Object.entries(block ?? {}).every(([operator, keys]) =>
    Object.entries(keys).every(([key, expected]) => conditionHolds(operator, key, expected, context)),
  );
}

function actionMatches(s: PolicyStatement, action: string): boolean {
  if (s.Action !== undefined) return asList(s.Action).some((a) => wildcardMatch(a, action, true));
  if (s.NotAction !== undefined) return !asList(s.NotAction).some((a) => wildcardMatch(a, action, true));
  throw new Error(`Statement ${s.Sid ?? ''} has neither Action nor NotAction`);
}

function resourceMatches(s: PolicyStatement, resource: string | undefined): boolean {
  if (s.Principal !== undefined && s.Resource === undefined && s.NotResource === undefined) return true; // trust
  if (resource === undefined) throw new Error(`A request to ${s.Sid ?? 'a statement'} names no resource`);
  if (s.Resource !== undefined) return asList(s.Resource).some((r) => wildcardMatch(r, resource));
  if (s.NotResource !== undefined) return !asList(s.NotResource).some((r) => wildcardMatch(r, resource));
  throw new Error(`Statement ${s.Sid ?? ''} has neither Resource nor NotResource`);
}

function principalMatches(s: PolicyStatement, principal: AccessRequest['principal']): boolean {
  if (s.Principal === undefined) return true;
  if (s.Principal === '*') return true;
  if (!principal) return false;
  return asList(s.Principal[principal.type]).some((p) => p === '*' || p === principal.id);
}

/** What IAM decides for one request against these documents (one role's policies, or one trust policy). */
export function decide(documents: PolicyDocument[], request: AccessRequest): Decision {
  let allowed = false;
  for (const s of documents.flatMap((d) => d.Statement)) {
    if (s.Effect !== 'Allow' && s.Effect !== 'Deny') throw new Error(`Effect ${s.Effect} is neither Allow nor Deny`);
    const applies =
      actionMatches(s, request.action) &&
      resourceMatches(s, request.resource) &&
      principalMatches(s, request.principal) &&
      conditionsHold(s.Condition, request.context ?? {});
    if (!applies) continue;
    if (s.Effect === 'Deny') return 'explicitly denied';
    allowed = true;
  }
  return allowed ? 'allowed' : 'implicitly denied';
}
