// `register:` — registration in SageMaker's model registry (off unless present): on the base branch, a passed gate
// makes a model package version in the group. It needs an S3 output: the package points at model.tar.gz there.
import type { ApprovalStatus, RegisterSpec } from '../../request.js';
import { child, readBoolean, readEnum, readMap, readString, readStringList } from '../read.js';
import type { SectionContext } from './context.js';

export const REGISTER_KEYS = [
  'group',
  'approval',
  'on-dispatch',
  'branch',
  'problem-type',
  'content-types',
  'response-types',
] as const;

/** A Model Package Group name, as SageMaker's EntityName: 1-63 letters, digits and hyphens, no leading hyphen. */
const GROUP_NAME = /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$/;
const APPROVALS: readonly ApprovalStatus[] = ['PendingManualApproval', 'Approved', 'Rejected'];
const PROBLEM_TYPES = ['multiclass-classification', 'binary-classification', 'regression'] as const;

/** Whether the output (as written, file or override) is an S3 URI. */
function outputInS3(ctx: SectionContext): boolean {
  const node = child(ctx.root, 'output');
  return node?.kind === 'scalar' && typeof node.value === 'string' && node.value.startsWith('s3://');
}

/** `register:`, or undefined when absent. */
export function readRegister(ctx: SectionContext): RegisterSpec | undefined {
  const { issues } = ctx;
  const map = readMap(ctx.root, 'register', issues, REGISTER_KEYS, '{ group: my-models }');
  if (map === undefined) return undefined;
  if (!outputInS3(ctx)) {
    issues.add(
      map.where,
      'needs an S3 output (output: s3://bucket/prefix/): the model package points at model.tar.gz in S3',
    );
  }
  const group = readString(map, 'group', issues, {
    allowed: 'a Model Package Group name such as my-models',
    check: (text) =>
      GROUP_NAME.test(text)
        ? undefined
        : `must be a Model Package Group name SageMaker accepts: 1 to 63 letters, digits and hyphens, starting and ending with a letter or digit (got "${text}")`,
  });
  if (child(map, 'group') === undefined) issues.add(map.where, 'needs group: the Model Package Group to register in');
  const types = (key: string): string[] | undefined =>
    readStringList(map, key, issues, { example: '[text/csv]', maxItems: 10, maxLength: 256, nonEmptyItems: true });
  const branch = readString(map, 'branch', issues, { allowed: 'a branch name such as main' });
  const contentTypes = types('content-types');
  const responseTypes = types('response-types');
  return {
    group: group ?? '',
    approval: readEnum(map, 'approval', issues, APPROVALS) ?? 'PendingManualApproval',
    onDispatch: readBoolean(map, 'on-dispatch', issues) ?? false,
    ...(branch !== undefined ? { branch } : {}),
    problemType: readEnum(map, 'problem-type', issues, PROBLEM_TYPES) ?? 'multiclass-classification',
    ...(contentTypes ? { contentTypes } : {}),
    ...(responseTypes ? { responseTypes } : {}),
  };
}
