// Values that name data: an S3 URI, or a local folder or an S3 URI.

import type { Location, S3Location } from '../../request.js';
import { hasUriScheme, LocationError, parseS3Uri } from '../locations.js';
import { checkString } from '../read.js';
import type { TreeNode } from '../tree.js';
import { localPath, type SectionContext } from './context.js';

export function readS3(ctx: SectionContext, node: TreeNode, asPrefix = true): S3Location | undefined {
  const text = checkString(node, ctx.issues, { allowed: 'an S3 URI such as s3://my-bucket/prefix/' });
  if (text === undefined) return undefined;
  try {
    return parseS3Uri(text, { asPrefix });
  } catch (error) {
    if (!(error instanceof LocationError)) throw error;
    ctx.issues.add(node.where, error.message);
    return undefined;
  }
}

/** A local folder or an S3 URI. Non-s3 schemes (`https://`) are errors, as are malformed S3 URIs (`s3:/x`). */
export function readLocation(
  ctx: SectionContext,
  node: TreeNode,
  options: { asPrefix: boolean; localOnlyInLocalMode: boolean },
): Location | undefined {
  const allowed =
    options.localOnlyInLocalMode && ctx.remote
      ? 'an S3 URI such as s3://my-bucket/prefix/'
      : 'a local folder or an S3 URI such as s3://my-bucket/prefix/';
  const text = checkString(node, ctx.issues, { allowed });
  if (text === undefined) return undefined;
  if (/^s3:/i.test(text)) return readS3(ctx, node, options.asPrefix);
  if (hasUriScheme(text)) {
    ctx.issues.add(node.where, `must be ${allowed}; only s3:// URIs are supported (got "${text}")`);
    return undefined;
  }
  if (options.localOnlyInLocalMode && ctx.remote) {
    ctx.issues.add(
      node.where,
      `must be an S3 URI in ${ctx.mode} mode${ctx.modeNote}, such as s3://my-bucket/models/ (got "${text}"); local folders work only in local mode`,
    );
    return undefined;
  }
  return { kind: 'local', path: localPath(ctx, text, node.where) };
}
