// Links a reader can follow after the job is gone: the workflow run, its uploaded artifacts, the commit, the
// configuration at that commit, and S3 objects in the AWS console. Local paths are only labelled as the runner's.
// Pure.
import { escapeInline, inlineCode } from './format.js';

/** Where the run happened on GitHub, when it ran there. Every field is optional: the CLI has none of them. */
export interface RunLinks {
  /** `https://github.com/owner/repo` */
  repositoryUrl?: string;
  /** The workflow run: `https://github.com/owner/repo/actions/runs/123`. */
  runUrl?: string;
  /** The commit the run checked. */
  sha?: string;
  /** The configuration file, relative to the repository root. */
  configPath?: string;
  /** The AWS region, for console links. */
  region?: string;
}

/** `[text](url)` with the text escaped for one Markdown line. */
export function mdLink(text: string, url: string): string {
  return `[${escapeInline(text).replace(/[[\]]/g, '\\$&')}](${safeUrl(url)})`;
}

/** A URL that cannot end a Markdown link early: spaces, parentheses and angle brackets percent-encoded. */
function safeUrl(url: string): string {
  return url.replace(/[\s()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

export function commitUrl(links: RunLinks, sha: string): string | undefined {
  return links.repositoryUrl ? `${links.repositoryUrl}/commit/${sha}` : undefined;
}

/** `[abc1234](…/commit/abc…)`, or the short SHA as code without a repository. */
export function commitLink(links: RunLinks, sha: string): string {
  const url = commitUrl(links, sha);
  return url ? mdLink(sha.slice(0, 7), url) : inlineCode(sha.slice(0, 7));
}

/** The workflow run's artifacts section (what `actions/upload-artifact` uploaded). */
export function artifactsUrl(links: RunLinks): string | undefined {
  return links.runUrl ? `${links.runUrl}#artifacts` : undefined;
}

/** The configuration file at the commit that ran, optionally at a line. */
export function configUrl(links: RunLinks, line?: number): string | undefined {
  const { repositoryUrl, sha, configPath } = links;
  if (!repositoryUrl || !sha || !configPath) return undefined;
  const path = configPath.split('/').map(encodeURIComponent).join('/');
  return `${repositoryUrl}/blob/${sha}/${path}${line !== undefined ? `#L${line}` : ''}`;
}

const S3_URI = /^s3:\/\/([^/]+)\/?(.*)$/;

/** The AWS console page of an S3 object (or of a prefix, for a URI that ends in `/`). */
export function s3ConsoleUrl(uri: string, region?: string): string | undefined {
  const match = S3_URI.exec(uri);
  if (!match) return undefined;
  const [, bucket = '', key = ''] = match;
  const regionQuery = region ? `region=${encodeURIComponent(region)}&` : '';
  const base = 'https://s3.console.aws.amazon.com/s3';
  if (key === '' || key.endsWith('/')) {
    return `${base}/buckets/${encodeURIComponent(bucket)}?${regionQuery}prefix=${encodeURIComponent(key)}`;
  }
  return `${base}/object/${encodeURIComponent(bucket)}?${regionQuery}prefix=${encodeURIComponent(key)}`;
}

/** An artifact for people: an S3 console link, or a path labelled as the runner's (gone after the job). */
export function artifactCell(location: string, links: RunLinks): string {
  const console = s3ConsoleUrl(location, links.region);
  if (console) return `${mdLink(location.split('/').pop() || location, console)} (${inlineCode(location)})`;
  return `${inlineCode(location)} (on the runner)`;
}

export interface RunLinksInput {
  /** `https://github.com` */
  serverUrl?: string;
  owner?: string;
  repo?: string;
  runUrl?: string;
  sha?: string;
  configPath?: string;
  /** Only for a remote mode: local paths need no console. */
  region?: string;
}

/** RunLinks from what a caller knows, leaving out what it does not. */
export function runLinks(o: RunLinksInput): RunLinks {
  const repositoryUrl =
    o.serverUrl && o.owner && o.repo
      ? `${o.serverUrl.replace(/\/+$/, '')}/${o.owner}/${o.repo}`
      : o.runUrl?.replace(/\/actions\/runs\/.*$/, '');
  return {
    ...(repositoryUrl ? { repositoryUrl } : {}),
    ...(o.runUrl ? { runUrl: o.runUrl } : {}),
    ...(o.sha ? { sha: o.sha } : {}),
    ...(o.configPath ? { configPath: o.configPath } : {}),
    ...(o.region ? { region: o.region } : {}),
  };
}
