// `output:` where the model artifacts go: a local folder in local mode, an S3 URI in every mode.

import path from 'node:path';
import type { Location } from '../../request.js';
import { child } from '../read.js';
import type { SectionContext } from './context.js';
import { DEFAULTS } from './limits.js';
import { readLocation } from './locations.js';

export function readOutput(ctx: SectionContext): Location {
  const node = child(ctx.root, 'output');
  const fallback: Location = { kind: 'local', path: path.join(ctx.workspace, DEFAULTS.localOutput) };
  if (node === undefined) {
    if (ctx.remote) {
      ctx.issues.add(
        'output',
        `is required in ${ctx.mode} mode${ctx.modeNote}: an S3 URI for the model artifacts, such as s3://my-bucket/models/`,
      );
    }
    return fallback;
  }
  const output = readLocation(ctx, node, { asPrefix: true, localOnlyInLocalMode: true });
  if (output?.kind === 'local')
    ctx.pathChecks.push({ where: node.where, path: output.path, expect: 'directory-if-exists' });
  return output ?? fallback;
}
