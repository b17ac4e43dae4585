// SageMaker's model registry, as the AWS stand-in answers it: Model Package Groups and their versioned packages, with
// the service's rules beyond the request's shape (which test/helpers/aws-model.ts checks against the API model):
// a group must exist before a version is created in it and exists only once; a versioned package takes the group,
// never a ModelPackageName; versions are numbered 1, 2, 3… per group; a repeated ClientToken returns the version it
// created; ListModelPackages pages with NextToken and sorts as asked; the account holds a limited number of groups.

export interface ModelPackage {
  arn: string;
  group: string;
  version: number;
  input: Record<string, unknown>;
  created: number;
}

type Answer = { status: number; body: unknown };

// CustomerMetadataKey and CustomerMetadataValue: letters, separators, digits and `_.:/=+-@` (the API model's pattern,
// which JavaScript cannot compile as written, so the generic model check skips it).
const METADATA_TEXT = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]+$/u;

function badMetadata(map: unknown): string | undefined {
  if (typeof map !== 'object' || map === null) return undefined;
  for (const [key, value] of Object.entries(map as Record<string, unknown>)) {
    if (!METADATA_TEXT.test(key))
      return `CustomerMetadataProperties key ${JSON.stringify(key)} has characters SageMaker does not accept`;
    if (typeof value !== 'string' || !METADATA_TEXT.test(value))
      return `CustomerMetadataProperties.${key} has characters SageMaker does not accept`;
  }
  return undefined;
}

const refuse = (type: string, message: string): Answer => ({ status: 400, body: { __type: type, message } });
const text = (v: unknown): string => (typeof v === 'string' ? v : '');

export interface ModelRegistryStandin {
  groups: Map<string, { arn: string; created: number }>;
  packages: ModelPackage[];
  /** Forgets every group, package and client token. */
  reset(): void;
  /** Answers the four registry operations; undefined for any other. */
  answer(operation: string, body: Record<string, unknown>): Answer | undefined;
}

/** The account's limit on Model Package Groups (SageMaker's default quota is much larger; small here so tests reach it). */
export function createModelRegistry(options: {
  region: string;
  account?: string;
  maxGroups?: number;
}): ModelRegistryStandin {
  const account = options.account ?? '123456789012';
  const maxGroups = options.maxGroups ?? 100;
  const groups = new Map<string, { arn: string; created: number }>();
  const packages: ModelPackage[] = [];
  const tokens = new Map<string, ModelPackage>();
  let clock = 1_700_000_000;
  const groupArn = (name: string): string =>
    `arn:aws:sagemaker:${options.region}:${account}:model-package-group/${name.toLowerCase()}`;
  // A group is named by its name or its ARN.
  const groupName = (nameOrArn: string): string => nameOrArn.replace(/^arn:[^/]*model-package-group\//, '');
  const find = (nameOrArn: string): string | undefined => {
    const name = groupName(nameOrArn).toLowerCase();
    return [...groups.keys()].find((g) => g.toLowerCase() === name);
  };
  const missing = (name: string): Answer =>
    refuse('ValidationException', `Model Package Group ${name} does not exist.`);

  const summary = (p: ModelPackage): Record<string, unknown> => ({
    ModelPackageName: p.group,
    ModelPackageGroupName: p.group,
    ModelPackageVersion: p.version,
    ModelPackageArn: p.arn,
    ...(p.input.ModelPackageDescription ? { ModelPackageDescription: p.input.ModelPackageDescription } : {}),
    CreationTime: p.created,
    ModelPackageStatus: 'Completed',
    ModelApprovalStatus: text(p.input.ModelApprovalStatus) || 'PendingManualApproval',
  });

  function list(body: Record<string, unknown>): Answer {
    const group = body.ModelPackageGroupName ? find(text(body.ModelPackageGroupName)) : undefined;
    if (body.ModelPackageGroupName && !group) return { status: 200, body: { ModelPackageSummaryList: [] } };
    const ordered = packages
      .filter((p) => !group || p.group === group)
      .sort((a, b) => (body.SortOrder === 'Descending' ? b.created - a.created : a.created - b.created));
    const start = body.NextToken ? Number(text(body.NextToken)) : 0;
    if (!Number.isInteger(start) || start < 0 || start > ordered.length)
      return refuse('ValidationException', 'Invalid pagination token');
    const size = typeof body.MaxResults === 'number' ? body.MaxResults : 10;
    const page = ordered.slice(start, start + size);
    const next = start + size < ordered.length ? { NextToken: String(start + size) } : {};
    return { status: 200, body: { ModelPackageSummaryList: page.map(summary), ...next } };
  }

  function create(body: Record<string, unknown>): Answer {
    if (body.ModelPackageName && body.ModelPackageGroupName)
      return refuse('ValidationException', 'ModelPackageName and ModelPackageGroupName cannot both be specified.');
    const requested = text(body.ModelPackageGroupName);
    if (!requested) return refuse('ValidationException', 'Only versioned model packages are supported here.');
    const group = find(requested);
    if (!group) return missing(requested);
    const token = text(body.ClientToken);
    const again = token ? tokens.get(token) : undefined;
    if (again) return { status: 200, body: { ModelPackageArn: again.arn } };
    const bad = badMetadata(body.CustomerMetadataProperties);
    if (bad) return refuse('ValidationException', bad);
    if (!body.InferenceSpecification)
      return refuse('ValidationException', 'InferenceSpecification is required for a model package in a group.');
    const version = packages.filter((p) => p.group === group).length + 1;
    const pkg: ModelPackage = {
      arn: `arn:aws:sagemaker:${options.region}:${account}:model-package/${group.toLowerCase()}/${version}`,
      group,
      version,
      input: body,
      created: ++clock,
    };
    packages.push(pkg);
    if (token) tokens.set(token, pkg);
    return { status: 200, body: { ModelPackageArn: pkg.arn } };
  }

  return {
    groups,
    packages,
    reset() {
      groups.clear();
      packages.splice(0);
      tokens.clear();
    },
    answer(operation, body) {
      switch (operation) {
        case 'DescribeModelPackageGroup': {
          const group = find(text(body.ModelPackageGroupName));
          if (!group) return missing(text(body.ModelPackageGroupName));
          const g = groups.get(group)!;
          return {
            status: 200,
            body: {
              ModelPackageGroupName: group,
              ModelPackageGroupArn: g.arn,
              CreationTime: g.created,
              CreatedBy: {},
              ModelPackageGroupStatus: 'Completed',
            },
          };
        }
        case 'CreateModelPackageGroup': {
          const name = text(body.ModelPackageGroupName);
          const existing = find(name);
          if (existing)
            return refuse('ValidationException', `Model Package Group already exists: ${groups.get(existing)!.arn}`);
          if (groups.size >= maxGroups)
            return refuse(
              'ResourceLimitExceeded',
              `The account-level service limit for model package groups is ${maxGroups}.`,
            );
          groups.set(name, { arn: groupArn(name), created: ++clock });
          return { status: 200, body: { ModelPackageGroupArn: groupArn(name) } };
        }
        case 'ListModelPackages':
          return list(body);
        case 'CreateModelPackage':
          return create(body);
        default:
          return undefined;
      }
    },
  };
}
