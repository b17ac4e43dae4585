// Step-level cache keys: each instruction's key is the sha256 of its parent's key, its text and options, the ARG
// values it declares, and for COPY/ADD of local files the fingerprints of exactly the files it copies. The FROM key
// is the base's reference and the platform (or the key of the stage it builds on). Equal keys mean the builder would
// make the same step from the same parent, as its own cache assumes.
import { createHash } from 'node:crypto';

import type { ContextEntry } from '../build-context.js';
import type { BuildStages, Stage, Step } from '../dockerfile/stages.js';
import { matchSource, SourceError } from './sources.js';

const VERSION = 'sagemaker-train/steps/v1';

/** The build context as COPY sees it, and a fingerprint of each file (content sha256 or git blob id). */
export interface CopyContext {
  entries: ContextEntry[];
  byPath: Map<string, ContextEntry>;
  fingerprint(entry: ContextEntry): Promise<string>;
  /** The digest of the whole context: the key material of a COPY whose sources need variables to be known. */
  wholeDigest: string;
}

function sha(...parts: string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(`${part}\n`);
  return hash.digest('hex');
}

function flagValue(step: Step, name: string): string | undefined {
  const value = step.instruction.flags.find((f) => f.name === name)?.value;
  return typeof value === 'string' ? value : undefined;
}

/** The COPY/ADD sources and destination, JSON form or words. */
export function copyOperands(step: Step): string[] {
  const { json, rest } = step.instruction;
  return json ?? rest.split(/\s+/).filter(Boolean);
}

async function entryLine(context: CopyContext, entry: ContextEntry): Promise<string> {
  const mode = entry.mode.toString(8);
  if (entry.type === 'directory') return `d ${JSON.stringify(entry.rel)} ${mode}`;
  if (entry.type === 'symlink') return `l ${JSON.stringify(entry.rel)} ${mode} ${JSON.stringify(entry.linkname)}`;
  return `f ${JSON.stringify(entry.rel)} ${mode} ${entry.size} ${await context.fingerprint(entry)}`;
}

/** What a local COPY/ADD copies, as key material; the whole context when a source needs a variable's value. */
async function sourcesMaterial(step: Step, context: CopyContext): Promise<string> {
  const sources = copyOperands(step).slice(0, -1);
  if (sources.some((s) => s.includes('$'))) return `context ${context.wholeDigest}`;
  const lines: string[] = [];
  for (const source of sources) {
    lines.push(`source ${JSON.stringify(source)}`);
    if (/^https?:\/\//i.test(source) || /^git@/.test(source)) continue;
    try {
      for (const match of matchSource(context.entries, context.byPath, source)) {
        // A link's target is named, and its files follow: a change behind the link changes the key.
        const via = match.resolved === match.root ? '' : ` -> ${JSON.stringify(match.resolved)}`;
        lines.push(`match ${JSON.stringify(match.root)}${via} ${match.type}`);
        for (const entry of match.entries) lines.push(await entryLine(context, entry));
      }
    } catch (err) {
      // The builder fails on it: keyed as missing, so the engine build says so.
      if (err instanceof SourceError) lines.push(`missing ${err.message}`);
      else throw err;
    }
  }
  return sha(...lines);
}

function stageRef(stages: BuildStages, ref: string): Stage | undefined {
  const lower = ref.toLowerCase();
  return stages.stages.find((s) => s.name === lower || String(s.index) === lower);
}

/** The keys of every stage the target needs, memoised: [FROM key, one per instruction]. */
class KeyChain {
  private readonly memo = new Map<number, Promise<string[]>>();
  constructor(
    private readonly stages: BuildStages,
    private readonly platform: string,
    private readonly context: CopyContext,
  ) {}

  keysOf(stage: Stage): Promise<string[]> {
    let keys = this.memo.get(stage.index);
    if (!keys) {
      keys = this.compute(stage);
      this.memo.set(stage.index, keys);
    }
    return keys;
  }

  private async lastKey(stage: Stage): Promise<string> {
    const keys = await this.keysOf(stage);
    return keys[keys.length - 1] ?? '';
  }

  private async compute(stage: Stage): Promise<string[]> {
    const base =
      'stage' in stage.base
        ? `stage ${await this.lastKey(this.stages.stages[stage.base.stage] as Stage)}`
        : `image ${stage.base.image}`;
    const keys = [sha(VERSION, 'FROM', base, `platform ${stage.platform ?? this.platform}`)];
    for (const step of stage.steps) keys.push(await this.stepKey(keys[keys.length - 1] ?? '', step));
    return keys;
  }

  private async stepKey(parent: string, step: Step): Promise<string> {
    const { keyword, flags, rest } = step.instruction;
    const parts = [parent, keyword, JSON.stringify(flags), rest];
    if (keyword === 'ARG') parts.push(JSON.stringify(Object.entries(step.args).sort()));
    if (keyword === 'COPY' || keyword === 'ADD') {
      const from = flagValue(step, 'from');
      if (from === undefined) parts.push(await sourcesMaterial(step, this.context));
      else {
        const source = stageRef(this.stages, from);
        parts.push(source ? `stage ${await this.lastKey(source)}` : `image ${from}`);
      }
    }
    return sha(...parts);
  }
}

/** The keys of the target stage: index 0 is the FROM, then one per instruction. */
export function stepKeys(opts: { stages: BuildStages; platform: string; context: CopyContext }): Promise<string[]> {
  return new KeyChain(opts.stages, opts.platform, opts.context).keysOf(opts.stages.target);
}
