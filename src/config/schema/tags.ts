// `tags:` put on the SageMaker training job, with AWS's rules for tag keys and values.

import { child, readStringMap } from '../read.js';
import type { SectionContext } from './context.js';
import { LIMITS } from './limits.js';

const TAG_TEXT_PATTERN = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

export function readTags(ctx: SectionContext): Record<string, string> {
  const tags = readStringMap(ctx.root, 'tags', ctx.issues, {
    example: '{ team: ml }',
    maxEntries: LIMITS.tags,
    maxValueLength: LIMITS.tagValue,
    checkKey: (key) => {
      if (key.length > LIMITS.tagKey) return `tag keys must be at most ${LIMITS.tagKey} characters (got ${key.length})`;
      if (key.toLowerCase().startsWith('aws:'))
        return `tag keys must not start with aws:, which AWS reserves (got "${key}")`;
      if (!TAG_TEXT_PATTERN.test(key)) {
        return `tag keys may contain letters, digits, spaces and _ . : / = + - @ (got "${key}")`;
      }
      return undefined;
    },
  });
  const tagsNode = child(ctx.root, 'tags');
  for (const [key, value] of Object.entries(tags)) {
    if (!TAG_TEXT_PATTERN.test(value)) {
      const where = tagsNode?.kind === 'map' ? (tagsNode.entries.get(key)?.node.where ?? `tags.${key}`) : `tags.${key}`;
      ctx.issues.add(where, `tag values may contain letters, digits, spaces and _ . : / = + - @ (got "${value}")`);
    }
  }
  return tags;
}
