// How a reused result (the run cache found an earlier completed run with the same fingerprint) is told apart in the
// reports: a note in the summary, a title prefix in the check run, a row in the CLI's table. Pure.
import type { TrainingResult } from '../result.js';
import { escapeInline, inlineCode } from './format.js';

const shortSha = (sha: string): string => sha.slice(0, 12);

/** The summary's note (Markdown), linking the original job where the result has a link to it. */
export function reusedNote(result: TrainingResult): string | undefined {
  const from = result.reused;
  if (!from) return undefined;
  const link = result.links.find((l) => /job/i.test(l.label)) ?? result.links[0];
  const job = link ? `[${inlineCode(from.jobName)}](${encodeURI(link.url)})` : inlineCode(from.jobName);
  const commit = from.commit ? `commit ${inlineCode(shortSha(from.commit))}, ` : '';
  return (
    `♻️ **Reused**: nothing was built or trained. This is the result of training job ${job} ` +
    `(${commit}ended ${escapeInline(from.ranAt)}), which had the same run fingerprint ` +
    `(${inlineCode(from.fingerprint.slice(0, 16))}); its artifacts are still there.`
  );
}

/** The check run title's prefix: `Reused <job> (<commit>) · `. */
export function reusedTitlePrefix(result: TrainingResult): string {
  const from = result.reused;
  if (!from) return '';
  return `Reused ${from.jobName}${from.commit ? ` (${shortSha(from.commit)})` : ''} · `;
}

/** The CLI table's row. */
export function reusedRow(result: TrainingResult): [string, string] | undefined {
  const from = result.reused;
  if (!from) return undefined;
  const commit = from.commit ? `commit ${shortSha(from.commit)}, ` : '';
  return ['Reused from', `${from.jobName} (${commit}ended ${from.ranAt}; nothing was trained)`];
}
