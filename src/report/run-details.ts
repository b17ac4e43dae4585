// The collapsed "Run details" at the end of a report: what ran (job, image, configuration, hyperparameters, commit),
// how long and at what cost, and where its outputs are. A list, not a table with an empty header. Pure.
import { costLabel } from '../cost/index.js';
import type { TrainingResult } from '../result.js';
import { escapeInline, formatDuration, formatNumber, inlineCode } from './format.js';
import { artifactCell, artifactsUrl, commitLink, configUrl, mdLink, type RunLinks } from './links.js';

export interface DetailsRequest {
  hyperparameters?: Record<string, string>;
}

/** The pull request the run checks, when the caller knows it. */
export interface PullRequestRef {
  number: number;
  url?: string;
}

function status(result: TrainingResult): string {
  const secondary = result.secondaryStatus && result.secondaryStatus !== result.status;
  return secondary ? `${result.status} (${escapeInline(result.secondaryStatus ?? '')})` : result.status;
}

/** The backend's figure when it gave one (managed spot only); else what billable vs training time shows. */
function spotSavings(result: TrainingResult): string | undefined {
  const { billableSeconds: billable, trainingSeconds: training } = result;
  const times =
    billable !== undefined && training !== undefined
      ? ` (billed ${formatDuration(billable)} of ${formatDuration(training)} training)`
      : '';
  if (result.spotSavingsPercent !== undefined) return `${formatNumber(result.spotSavingsPercent)}%${times}`;
  if (billable === undefined || training === undefined || training <= 0 || billable >= training) return undefined;
  return `${Math.round((1 - billable / training) * 100)}%${times}`;
}

function timeAndCost(result: TrainingResult): [string, string][] {
  const rows: [string, string][] = [['Duration', formatDuration(result.durationSeconds)]];
  if (result.trainingSeconds !== undefined) rows.push(['Training time', formatDuration(result.trainingSeconds)]);
  if (result.billableSeconds !== undefined) {
    rows.push(['Billable', `${formatDuration(result.billableSeconds)} (${Math.round(result.billableSeconds)} s)`]);
  }
  if (result.cost) {
    rows.push([
      'Estimated cost',
      `${costLabel(result.cost)} at $${formatNumber(result.cost.pricePerHour)} per instance-hour`,
    ]);
  }
  const savings = spotSavings(result);
  if (savings) rows.push(['Spot savings', savings]);
  return rows;
}

function whatRan(
  result: TrainingResult,
  request: DetailsRequest,
  links: RunLinks,
  pullRequest?: PullRequestRef,
): [string, string][] {
  const rows: [string, string][] = [
    [
      'Job',
      `${inlineCode(result.jobName)} · ${result.mode} mode · ${inlineCode(result.instanceType)} × ${result.instanceCount}`,
    ],
    ['Status', status(result)],
  ];
  if (pullRequest) {
    const text = `#${pullRequest.number}`;
    rows.push(['Pull request', pullRequest.url ? mdLink(text, pullRequest.url) : text]);
  }
  if (links.sha) rows.push(['Commit', commitLink(links, links.sha)]);
  if (links.configPath) {
    const url = configUrl(links);
    rows.push(['Configuration', url ? mdLink(links.configPath, url) : inlineCode(links.configPath)]);
  }
  rows.push(['Image', inlineCode(result.imageUri) + (result.imageNote ? ` (${escapeInline(result.imageNote)})` : '')]);
  const hp = Object.entries(request.hyperparameters ?? {});
  if (hp.length > 0) rows.push(['Hyperparameters', hp.map(([k, v]) => inlineCode(`${k}=${v}`)).join(' ')]);
  if (result.hosts && result.hosts.length > 0) {
    const hosts = result.hosts.map(
      (h) => `${escapeInline(h.host)} (${h.exitCode === null ? 'no exit code' : `exit ${h.exitCode}`})`,
    );
    rows.push(['Hosts', hosts.join(', ')]);
  }
  return rows;
}

/** Archives of a failed job are partial or empty: only a completed job's are listed. */
function outputs(result: TrainingResult, links: RunLinks): [string, string][] {
  const rows: [string, string][] = [];
  if (result.status === 'Completed') {
    if (result.modelArtifacts) rows.push(['Model', artifactCell(result.modelArtifacts, links)]);
    if (result.outputArtifacts) rows.push(['Output', artifactCell(result.outputArtifacts, links)]);
  }
  const web: string[] = [];
  if (links.runUrl) web.push(mdLink('workflow run', links.runUrl));
  const uploaded = artifactsUrl(links);
  if (uploaded) web.push(mdLink('uploaded artifacts', uploaded));
  web.push(...result.links.map((l) => mdLink(l.label, l.url)));
  if (web.length > 0) rows.push(['Links', web.join(' · ')]);
  return rows;
}

/** `<details><summary>Run details</summary> …`: a list of facts. */
export function runDetails(
  result: TrainingResult,
  request: DetailsRequest,
  links: RunLinks,
  pullRequest?: PullRequestRef,
): string {
  const rows = [...whatRan(result, request, links, pullRequest), ...timeAndCost(result), ...outputs(result, links)];
  return [
    '<details><summary>Run details</summary>',
    '',
    ...rows.map(([k, v]) => `- **${k}:** ${v}`),
    '',
    '</details>',
  ].join('\n');
}
