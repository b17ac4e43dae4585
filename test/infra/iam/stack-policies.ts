// The IAM side of an evaluated stack as AWS would hold it once deployed: every role's identity policies and trust
// policy, with the `<Logical>`/`<Logical.Attr>` placeholders of resources replaced by the names and ARNs CloudFormation
// would give them (so that the policy evaluator compares real ARNs).
import { REGION, ACCOUNT } from '../scenarios.js';
import { isObject, type Evaluated, type Json, type JsonObject } from '../cfn.js';
import type { PolicyDocument } from './policy-eval.js';

export interface RolePolicies {
  name: string;
  arn: string;
  identity: PolicyDocument[];
  trust: PolicyDocument;
}

const str = (v: Json | undefined): string => (typeof v === 'string' ? v : '');

/** What `Ref` and each `Fn::GetAtt` of a resource resolve to in a deployed stack. */
function attributes(type: string, p: JsonObject): Record<string, string> {
  switch (type) {
    case 'AWS::IAM::Role':
      return { '': str(p.RoleName), Arn: `arn:aws:iam::${ACCOUNT}:role/${str(p.RoleName)}` };
    case 'AWS::ECR::Repository': {
      const name = str(p.RepositoryName);
      return {
        '': name,
        Arn: `arn:aws:ecr:${REGION}:${ACCOUNT}:repository/${name}`,
        RepositoryUri: `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/${name}`,
      };
    }
    case 'AWS::ECS::Cluster':
      return { '': str(p.ClusterName), Arn: `arn:aws:ecs:${REGION}:${ACCOUNT}:cluster/${str(p.ClusterName)}` };
    case 'AWS::Logs::LogGroup':
      return { '': str(p.LogGroupName), Arn: `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:${str(p.LogGroupName)}:*` };
    case 'AWS::IAM::OIDCProvider':
      return { '': `arn:aws:iam::${ACCOUNT}:oidc-provider/${str(p.Url).replace(/^https:\/\//, '')}` };
    case 'AWS::ECS::TaskDefinition':
      return { '': `arn:aws:ecs:${REGION}:${ACCOUNT}:task-definition/${str(p.Family)}:1` };
    default:
      return {};
  }
}

/** The stack with every placeholder replaced (resources whose names use other placeholders are resolved first). */
export function deployedNames(stack: Evaluated): (node: Json) => Json {
  const values: Record<string, string> = {};
  for (const [logical, r] of Object.entries(stack.resources))
    for (const [attr, value] of Object.entries(attributes(r.Type, r.Properties)))
      values[attr === '' ? `<${logical}>` : `<${logical}.${attr}>`] = value;
  const replace = (node: Json): Json => {
    if (typeof node === 'string')
      return node.replace(/<([A-Za-z0-9]+)(\.[A-Za-z0-9]+)?>/g, (m) => {
        const value = values[m];
        if (value === undefined) throw new Error(`${m} names no resource of the stack`);
        return value;
      });
    if (Array.isArray(node)) return node.map(replace);
    if (isObject(node)) return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, replace(v)]));
    return node;
  };
  return replace;
}

/** Every role of the stack, by logical id. */
export function rolesOf(stack: Evaluated): Record<string, RolePolicies> {
  const replace = deployedNames(stack);
  const roles: Record<string, RolePolicies> = {};
  for (const [logical, r] of Object.entries(stack.resources)) {
    if (r.Type !== 'AWS::IAM::Role') continue;
    const p = replace(r.Properties) as JsonObject;
    const policies = (p.Policies ?? []) as unknown as { PolicyDocument: PolicyDocument }[];
    roles[logical] = {
      name: str(p.RoleName),
      arn: `arn:aws:iam::${ACCOUNT}:role/${str(p.RoleName)}`,
      identity: policies.map((x) => x.PolicyDocument),
      trust: p.AssumeRolePolicyDocument as unknown as PolicyDocument,
    };
  }
  return roles;
}
