// Applies the steps after the shared prefix to the previous image's config and layers: config-only steps change the
// config, COPY/ADD of local files make new layers. A step whose text is the same as the previous image's step at the
// same place ("paired") already had its config effect in the previous config; only its files are new. Anything whose
// outcome depends on what is in the base's layers is refused with the reason.
import { open } from 'node:fs/promises';
import { join, posix } from 'node:path';

import type { Step } from '../dockerfile/stages.js';
import { expandWord, nameValuePairs } from '../dockerfile/expand.js';
import type { CopyContext } from '../steps/keys.js';
import { copyOperands } from '../steps/keys.js';
import { matchSource, SourceError } from '../steps/sources.js';
import { applyConfigStep, lookupFor, type ConfigState, type HistoryEntry } from './config.js';
import { copyLayerEntries, NotAssemblable, type LayerEntry, type PathInfo } from './copy-entries.js';
import { writeLayer, type LayerBlob } from './layer-file.js';

export interface ApplyInput {
  steps: Step[];
  /** 1-based index of the first step to apply; the ones before are reused. */
  from: number;
  /** Steps before this index (and from `from`) are paired with the previous image's. */
  pairedUntil: number;
  escape: string;
  context: CopyContext;
  start: ConfigState;
  /** The previous image's layer index of a paired step, read for the folders it touched. */
  pairedLayer: (stepIndex: number) => Promise<Map<string, PathInfo> | undefined>;
  /** The owner the previous image's COPY/ADD with this `--chown` name got (the same base, so the same passwd). */
  ownerNamed: (flag: string) => Promise<{ uid: number; gid: number } | undefined>;
  /** The previous image's layer of a paired step, to reuse as it is (a WORKDIR's). */
  reuseLayer: (stepIndex: number) => number | undefined;
  tmpDir: string;
  now: Date;
}

export type AppliedLayer = { kind: 'new'; blob: LayerBlob } | { kind: 'reused'; index: number };

export interface Applied {
  state: ConfigState;
  layers: AppliedLayer[];
  history: HistoryEntry[];
}

const ARCHIVE_MAGIC = [Buffer.from([0x1f, 0x8b]), Buffer.from('BZh'), Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a])];

async function looksLikeArchive(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(512);
    const { bytesRead } = await handle.read(head, 0, 512, 0);
    const bytes = head.subarray(0, bytesRead);
    return (
      ARCHIVE_MAGIC.some((m) => bytes.subarray(0, m.length).equals(m)) ||
      bytes.subarray(257, 262).toString() === 'ustar'
    );
  } finally {
    await handle.close();
  }
}

function argsBefore(steps: Step[], index: number): Record<string, string> {
  return index >= 2 ? (steps[index - 2]?.args ?? {}) : {};
}

const ACCOUNTS = ['/etc/passwd', '/etc/group'];

/**
 * The owner of a COPY: 0:0, a numeric --chown, or a named one as the base's accounts resolve it, read from a file the
 * previous image copied with the same --chown (a COPY layer's files are all the copied ones, owned by it). The base is
 * the same through the anchor; a COPY of this build that writes the accounts files is refused.
 */
async function ownerOf(
  input: ApplyInput,
  step: Step,
  written: Map<string, PathInfo>,
  where: string,
): Promise<{ uid: number; gid: number }> {
  const flag = step.instruction.flags.find((f) => f.name === 'chown')?.value;
  if (typeof flag !== 'string') return { uid: 0, gid: 0 };
  const match = /^(\d+)(?::(\d+))?$/.exec(flag);
  if (match) return { uid: Number(match[1]), gid: Number(match[2] ?? match[1]) };
  const changed = ACCOUNTS.find((path) => written.has(path));
  if (changed) throw new NotAssemblable(`${where}: --chown=${flag} after this build copied ${changed}`);
  const owner = await input.ownerNamed(flag);
  if (!owner) {
    throw new NotAssemblable(
      `${where}: --chown=${flag} names an account only the base's /etc/passwd knows, and no COPY of the previous image used it`,
    );
  }
  return owner;
}

async function copyLayer(
  input: ApplyInput,
  index: number,
  state: ConfigState,
  written: Map<string, PathInfo>,
): Promise<LayerBlob> {
  const step = input.steps[index - 1] as Step;
  const where = `${step.instruction.keyword} at line ${step.instruction.line}`;
  const lookup = lookupFor(state.config, argsBefore(input.steps, index));
  const operands = copyOperands(step).map((w) => expandWord(w, lookup, input.escape));
  const destRaw = operands[operands.length - 1] ?? '';
  const dest = destRaw.startsWith('/')
    ? destRaw
    : `${posix.join('/', state.config.WorkingDir ?? '/', destRaw)}${destRaw.endsWith('/') ? '/' : ''}`;
  if (index < input.pairedUntil) refuseLaterChanges(input, index, destRaw, where);
  const paired = index < input.pairedUntil ? await input.pairedLayer(index) : undefined;
  const owner = await ownerOf(input, step, written, where);
  let matches;
  try {
    matches = operands.slice(0, -1).flatMap((s) => matchSource(input.context.entries, input.context.byPath, s));
  } catch (err) {
    if (err instanceof SourceError) throw new NotAssemblable(`${where}: ${err.message}`);
    throw err;
  }
  if (step.instruction.keyword === 'ADD') {
    for (const entry of matches.flatMap((m) => m.entries)) {
      if (entry.type === 'file' && (await looksLikeArchive(entry.full)))
        throw new NotAssemblable(`${where} unpacks the archive ${entry.rel}`);
    }
  }
  const known = (path: string): PathInfo | undefined => written.get(path) ?? paired?.get(path);
  const entries: LayerEntry[] = copyLayerEntries({
    matches,
    dest,
    owner,
    ...copyModes(step, where),
    known,
    now: input.now,
    where,
  });
  for (const entry of entries) written.set(entry.path, entry);
  return writeLayer(entries, join(input.tmpDir, `layer-${index}.tar.gz`));
}

/** --chmod (octal) and --link of a COPY/ADD; --link with --chmod is refused (BuildKit releases differ on the mode of
 * the folders --link makes). */
function copyModes(step: Step, where: string): { chmod?: number; link?: boolean } {
  const flag = (name: string): string | true | undefined => step.instruction.flags.find((f) => f.name === name)?.value;
  const chmod = flag('chmod');
  const link = flag('link');
  const linked = link === true || link === 'true';
  if (linked && chmod !== undefined) throw new NotAssemblable(`${where}: --link with --chmod`);
  return {
    ...(typeof chmod === 'string' ? { chmod: parseInt(chmod, 8) } : {}),
    ...(linked ? { link: true } : {}),
  };
}

/**
 * A paired COPY is applied with the previous image's final config: right only when no later paired step changes
 * what the COPY reads from it (WORKDIR for a relative destination, ENV for a variable).
 */
function refuseLaterChanges(input: ApplyInput, index: number, dest: string, where: string): void {
  const step = input.steps[index - 1] as Step;
  const words = [...copyOperands(step), ...step.instruction.flags.map((f) => String(f.value))];
  const used = new Set(words.flatMap((w) => [...w.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1] ?? '')));
  for (let later = index + 1; later < input.pairedUntil; later++) {
    const instruction = input.steps[later - 1]?.instruction;
    const sets =
      instruction?.keyword === 'ENV'
        ? nameValuePairs(instruction.rest, input.escape, true).some(({ name }) => used.has(name))
        : false;
    if ((instruction?.keyword === 'WORKDIR' && !dest.startsWith('/')) || sets) {
      throw new NotAssemblable(
        `${where} depends on the ${instruction?.keyword ?? ''} at line ${instruction?.line ?? 0}, which comes after it`,
      );
    }
  }
}

function historyOf(step: Step, now: Date, empty: boolean): HistoryEntry {
  return {
    created: now.toISOString(),
    created_by: `/bin/sh -c #(nop) ${step.instruction.original}`,
    ...(empty ? { empty_layer: true } : {}),
  };
}

/** Applies steps from..end; the layers it made and the history entries of those steps. */
export async function applySteps(input: ApplyInput): Promise<Applied> {
  let state = input.start;
  const layers: AppliedLayer[] = [];
  const history: HistoryEntry[] = [];
  const written = new Map<string, PathInfo>();
  for (let index = input.from; index <= input.steps.length; index++) {
    const step = input.steps[index - 1] as Step;
    const { keyword, line } = step.instruction;
    const paired = index < input.pairedUntil;
    if (keyword === 'COPY' || keyword === 'ADD') {
      layers.push({ kind: 'new', blob: await copyLayer(input, index, state, written) });
      history.push(historyOf(step, input.now, false));
      continue;
    }
    if (keyword === 'WORKDIR') {
      const reused = paired ? input.reuseLayer(index) : undefined;
      const next = paired ? state : applyConfigStep(state, step, argsBefore(input.steps, index), input.escape);
      const dir = next.config.WorkingDir ?? '/';
      if (reused !== undefined && written.size > 0)
        throw new NotAssemblable(`WORKDIR at line ${line} may find ${dir} made by a changed COPY`);
      if (reused === undefined && dir !== '/' && written.get(dir.replace(/\/$/, ''))?.type !== 'directory' && !paired) {
        throw new NotAssemblable(`WORKDIR at line ${line}: whether ${dir} exists is known only from the base's layers`);
      }
      if (reused !== undefined) layers.push({ kind: 'reused', index: reused });
      history.push(historyOf(step, input.now, reused === undefined));
      state = next;
      continue;
    }
    if (!paired) state = applyConfigStep(state, step, argsBefore(input.steps, index), input.escape);
    history.push(historyOf(step, input.now, true));
  }
  return { state, layers, history };
}
