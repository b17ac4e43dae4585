// Which steps this tool can apply to an image without the engine, and for the others, in words, why not. The last
// step it cannot apply is the anchor: an image sharing every key through it can be finished here.
import type { Step } from '../dockerfile/stages.js';
import { copyOperands } from './keys.js';

/** Instructions that only change the image's config. */
export const CONFIG_ONLY = new Set([
  'ENV',
  'ARG',
  'LABEL',
  'USER',
  'ENTRYPOINT',
  'CMD',
  'EXPOSE',
  'SHELL',
  'STOPSIGNAL',
  'WORKDIR',
]);

// --chmod (octal) and --link as BuildKit applies them; the classic builder, which the engine build uses, refuses both,
// so only an image assembled here has them (docs/image-assembly.md).
const COPY_FLAGS = new Set(['chown', 'chmod', 'link']);

function whyNotFlags(step: Step, at: string): string | undefined {
  const { flags } = step.instruction;
  const other = flags.find((f) => !COPY_FLAGS.has(f.name));
  if (other) return `${at} has --${other.name}, which needs the engine`;
  const chmod = flags.find((f) => f.name === 'chmod')?.value;
  if (chmod !== undefined && (chmod === true || !/^[0-7]{3,4}$/.test(chmod))) {
    return `${at} has --chmod=${chmod === true ? '' : chmod}, not an octal mode, which needs the engine`;
  }
  const link = flags.find((f) => f.name === 'link')?.value;
  if (link !== undefined && link !== true && !['true', 'false'].includes(link)) {
    return `${at} has --link=${link}: true or false only`;
  }
  return undefined;
}

/** Undefined when the tool can apply the step, else why not (for the one-line fallback message). */
export function whyNotApplicable(step: Step): string | undefined {
  const { keyword, line } = step.instruction;
  const at = `${keyword} at line ${line}`;
  if (CONFIG_ONLY.has(keyword)) {
    if (keyword === 'SHELL' && !step.instruction.json) return `${at} is not in JSON form`;
    return undefined;
  }
  if (keyword !== 'COPY' && keyword !== 'ADD') return `${at} needs the engine`;
  const flagged = whyNotFlags(step, at);
  if (flagged) return flagged;
  const operands = copyOperands(step);
  if (operands.length < 2) return `${at} needs a source and a destination`;
  if (keyword === 'ADD' && operands.slice(0, -1).some((s) => /^(https?:\/\/|git@)/i.test(s))) {
    return `${at} downloads a URL`;
  }
  return undefined;
}

/** The index (in [FROM, ...steps]) of the last step only the engine can make: 0 (the FROM) when there is none. */
export function anchorIndex(steps: Step[]): number {
  for (let i = steps.length - 1; i >= 0; i--) {
    if (whyNotApplicable(steps[i] as Step) !== undefined) return i + 1;
  }
  return 0;
}
