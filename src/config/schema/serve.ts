// `serve:` — the serve smoke test (off unless present): after training, the image is started as SageMaker hosting
// starts it and must answer GET /ping and each sample request. Sample files are checked to exist with the other paths.
import type { ResponseMatch, ServeSample, ServeSpec } from '../../request.js';
import type { IssueList } from '../errors.js';
import {
  checkKeys,
  child,
  describe,
  readDuration,
  readInteger,
  readMap,
  readSeq,
  readString,
  readStringMap,
} from '../read.js';
import type { MapNode } from '../tree.js';
import { localPath, type SectionContext } from './context.js';

export const SERVE_KEYS = [
  'ping-timeout',
  'invocation-timeout',
  'max-model-size-mb',
  'environment',
  'samples',
] as const;
export const SAMPLE_KEYS = ['file', 'content-type', 'accept', 'expect-status', 'match', 'json-path', 'equals'] as const;
/** The request content types the serve test sends: what SageMaker's own containers and the common servers accept. */
export const SERVE_CONTENT_TYPES = [
  'text/csv',
  'application/json',
  'application/jsonlines',
  'application/x-npy',
  'application/x-recordio-protobuf',
  'application/octet-stream',
  'text/plain',
  'image/jpeg',
  'image/png',
] as const;

const MIME = /^[-\w.+]+\/[-\w.+]+$/;
const JSON_PATH = /^\$((\.[A-Za-z_][A-Za-z0-9_-]*)|(\[\d+\]))*$/;
export const SERVE_DEFAULTS = { pingTimeoutSeconds: 240, invocationTimeoutSeconds: 60, maxModelMb: 10 * 1024 };

function readMatch(item: MapNode, issues: IssueList): ResponseMatch | undefined {
  const regex = readString(item, 'match', issues, {
    allowed: 'a regular expression the answer must match',
    check: (text) => {
      try {
        new RegExp(text);
        return undefined;
      } catch (err) {
        return `is not a valid regular expression: ${(err as Error).message}`;
      }
    },
  });
  const jsonPath = readString(item, 'json-path', issues, {
    allowed: 'a JSON path such as $.predictions[0].label',
    check: (text) =>
      JSON_PATH.test(text)
        ? undefined
        : `must be a JSON path of names and indexes such as $.predictions[0].label (got "${text}")`,
  });
  const equals = readString(item, 'equals', issues, { allowed: 'the text the JSON path must hold' });
  if (regex !== undefined && jsonPath !== undefined) {
    issues.add(item.where, 'set match (a regular expression) or json-path, not both');
    return undefined;
  }
  if (equals !== undefined && jsonPath === undefined) issues.add(item.where, 'equals needs json-path');
  if (regex !== undefined) return { kind: 'regex', pattern: regex };
  if (jsonPath !== undefined) return { kind: 'json-path', path: jsonPath, ...(equals !== undefined ? { equals } : {}) };
  return undefined;
}

function readContentType(item: MapNode, key: string, issues: IssueList, fallback: string): string {
  return (
    readString(item, key, issues, {
      allowed: `one of ${SERVE_CONTENT_TYPES.join(', ')}`,
      check: (text) =>
        (SERVE_CONTENT_TYPES as readonly string[]).includes(text.split(';')[0]?.trim() ?? '')
          ? undefined
          : `must be one of ${SERVE_CONTENT_TYPES.join(', ')} (got "${text}")`,
    }) ?? fallback
  );
}

function readSample(item: MapNode, ctx: SectionContext): ServeSample | undefined {
  const { issues } = ctx;
  checkKeys(item, SAMPLE_KEYS, issues);
  const fileNode = child(item, 'file');
  const file = readString(item, 'file', issues, { allowed: 'a file relative to the workspace' });
  if (file === undefined) {
    if (fileNode === undefined)
      issues.add(item.where, 'needs file: the request body to send, relative to the workspace');
    return undefined;
  }
  const where = fileNode?.where ?? item.where;
  const absolute = localPath(ctx, file, where);
  ctx.pathChecks.push({ where, path: absolute, expect: 'file' });
  const contentType = readContentType(item, 'content-type', issues, 'text/csv');
  const accept = readString(item, 'accept', issues, {
    allowed: 'a media type such as application/json',
    check: (text) =>
      MIME.test(text) || text === '*/*' ? undefined : `must be a media type such as application/json (got "${text}")`,
  });
  const match = readMatch(item, issues);
  return {
    file: absolute,
    contentType,
    accept: accept ?? 'application/json',
    expectStatus: readInteger(item, 'expect-status', issues, { min: 100, max: 599 }) ?? 200,
    ...(match ? { match } : {}),
    ...(item.line !== undefined ? { line: item.line } : {}),
  };
}

/** `serve:`, or undefined when absent. */
export function readServe(ctx: SectionContext): ServeSpec | undefined {
  const { issues } = ctx;
  const map = readMap(
    ctx.root,
    'serve',
    issues,
    SERVE_KEYS,
    '{ samples: [{ file: sample.csv, content-type: text/csv }] }',
  );
  if (map === undefined) return undefined;
  const seq = readSeq(map, 'samples', issues, '[{ file: sample.csv, content-type: text/csv }]');
  const samples: ServeSample[] = [];
  for (const item of seq?.items ?? []) {
    if (item.kind !== 'map') {
      issues.add(
        item.where,
        `must be a mapping such as { file: sample.csv, content-type: text/csv } (got ${describe(item)})`,
      );
      continue;
    }
    const sample = readSample(item, ctx);
    if (sample) samples.push(sample);
  }
  if (seq === undefined) issues.add(map.where, 'needs samples: at least one request to send to /invocations');
  return {
    pingTimeoutSeconds:
      readDuration(map, 'ping-timeout', issues, { min: 1, max: 3600 }) ?? SERVE_DEFAULTS.pingTimeoutSeconds,
    invocationTimeoutSeconds:
      readDuration(map, 'invocation-timeout', issues, { min: 1, max: 3600 }) ?? SERVE_DEFAULTS.invocationTimeoutSeconds,
    samples,
    environment: readStringMap(map, 'environment', issues, {
      example: '{ MODEL_SERVER_WORKERS: 1 }',
      // A SageMaker Model's container Environment: at most 100 entries, keys and values up to 1024.
      maxEntries: 100,
      checkKey: (key) =>
        /^[a-zA-Z_][a-zA-Z0-9_]{0,1023}$/.test(key) ? undefined : `"${key}" is not an environment variable name`,
      maxValueLength: 1024,
      checkValue: checkHostingVariable,
    }),
    maxModelBytes:
      (readInteger(map, 'max-model-size-mb', issues, { min: 1, max: 1024 * 1024 }) ?? SERVE_DEFAULTS.maxModelMb) *
      1024 *
      1024,
  };
}

/** The port variables SageMaker gives an inference pipeline's containers, when set to stand in for one. */
function checkHostingVariable(key: string, value: string): string | undefined {
  const port = (text: string): boolean => /^[1-9][0-9]{0,4}$/.test(text) && Number(text) <= 65535;
  if (key === 'SAGEMAKER_BIND_TO_PORT' && !port(value))
    return `must be a port number from 1 to 65535, the port the server listens on (got "${value}")`;
  if (key !== 'SAGEMAKER_SAFE_PORT_RANGE') return undefined;
  const [low = '', high = ''] = value.split('-');
  if (!/^\d+-\d+$/.test(value) || !port(low) || !port(high) || Number(low) > Number(high))
    return `must be an inclusive range of ports "XXXX-YYYY", such as "30000-30999" (got "${value}")`;
  return undefined;
}
