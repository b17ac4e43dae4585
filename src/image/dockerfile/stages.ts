// The stages of a parsed Dockerfile and the steps of the one that becomes the image: the FROM each stage starts from
// (meta ARGs and build args expanded as the builder does), and for every instruction the ARG values it sees. What a
// step's cache key needs, and nothing that needs the base image (its ENV is not known here).
import { DockerfileError, type Instruction, type ParsedDockerfile } from './parse.js';
import { expandWord, ExpansionError, nameValuePairs, type Lookup } from './expand.js';

export interface Step {
  instruction: Instruction;
  /** The ARG values in scope after this step (declared in the stage, from the build args or their defaults). */
  args: Record<string, string>;
}

export interface Stage {
  /** Index among the stages. */
  index: number;
  name?: string;
  /** The FROM's image reference, expanded; or the earlier stage it builds on. */
  base: { image: string } | { stage: number };
  platform?: string;
  from: Instruction;
  steps: Step[];
}

export interface BuildStages {
  escape: string;
  stages: Stage[];
  /** The stage that becomes the image (the target, or the last one). */
  target: Stage;
}

function lookupIn(values: Record<string, string>): Lookup {
  return (name) => (Object.prototype.hasOwnProperty.call(values, name) ? values[name] : undefined);
}

function expandAt(instruction: Instruction, word: string, lookup: Lookup, escape: string): string {
  try {
    return expandWord(word, lookup, escape);
  } catch (err) {
    if (err instanceof ExpansionError) throw new DockerfileError(err.message, instruction.line);
    throw err;
  }
}

/** The ARGs before the first FROM: their values (build args win over defaults). */
function metaArgs(parsed: ParsedDockerfile, buildArgs: Record<string, string>): Record<string, string> {
  const meta: Record<string, string> = {};
  for (const instruction of parsed.instructions) {
    if (instruction.keyword === 'FROM') break;
    for (const { name, value } of nameValuePairs(instruction.rest, parsed.escape, false)) {
      const given = buildArgs[name];
      const fallback = value === undefined ? undefined : expandAt(instruction, value, lookupIn(meta), parsed.escape);
      const resolved = given ?? fallback;
      if (resolved !== undefined) meta[name] = resolved;
    }
  }
  return meta;
}

function stageOf(
  from: Instruction,
  index: number,
  meta: Record<string, string>,
  escape: string,
  named: Map<string, number>,
): Stage {
  const words = from.rest.split(/\s+/).filter(Boolean);
  if (words.length !== 1 && !(words.length === 3 && words[1]?.toUpperCase() === 'AS')) {
    throw new DockerfileError('FROM takes an image and, optionally, AS <name>', from.line);
  }
  const image = expandAt(from, words[0] ?? '', lookupIn(meta), escape);
  if (image === '') throw new DockerfileError('FROM names no image', from.line);
  const name = words[2]?.toLowerCase();
  const platformFlag = from.flags.find((f) => f.name === 'platform')?.value;
  const platform = typeof platformFlag === 'string' ? expandAt(from, platformFlag, lookupIn(meta), escape) : undefined;
  const earlier = named.get(image.toLowerCase());
  return {
    index,
    ...(name ? { name } : {}),
    base: earlier !== undefined ? { stage: earlier } : { image },
    ...(platform ? { platform } : {}),
    from,
    steps: [],
  };
}

/** Adds a stage's instruction with the ARG scope it sees, and updates the scope. */
function addStep(
  stage: Stage,
  instruction: Instruction,
  scope: { args: Record<string, string> },
  ctx: { meta: Record<string, string>; buildArgs: Record<string, string>; escape: string },
): void {
  if (instruction.keyword === 'ARG') {
    // A default may use the ARGs before it (an ENV of the base is not known here: the key covers the base anyway).
    for (const { name, value } of nameValuePairs(instruction.rest, ctx.escape, false)) {
      const fallback =
        value === undefined ? ctx.meta[name] : expandAt(instruction, value, lookupIn(scope.args), ctx.escape);
      const resolved = ctx.buildArgs[name] ?? fallback;
      if (resolved !== undefined) scope.args[name] = resolved;
    }
  }
  stage.steps.push({ instruction, args: { ...scope.args } });
}

/** The stages of `parsed`; `target` names the stage to build (default: the last). */
export function buildStages(
  parsed: ParsedDockerfile,
  opts: { buildArgs: Record<string, string>; target?: string },
): BuildStages {
  const meta = metaArgs(parsed, opts.buildArgs);
  const ctx = { meta, buildArgs: opts.buildArgs, escape: parsed.escape };
  const stages: Stage[] = [];
  const named = new Map<string, number>();
  let scope = { args: {} as Record<string, string> };
  for (const instruction of parsed.instructions) {
    if (instruction.keyword === 'FROM') {
      const stage = stageOf(instruction, stages.length, meta, parsed.escape, named);
      if (stage.name) named.set(stage.name, stage.index);
      named.set(String(stage.index), stage.index);
      stages.push(stage);
      scope = { args: {} };
      continue;
    }
    const stage = stages[stages.length - 1];
    if (stage) addStep(stage, instruction, scope, ctx);
  }
  const wanted = opts.target?.toLowerCase();
  const target = wanted === undefined ? stages[stages.length - 1] : stages.find((s) => s.name === wanted);
  if (!target) {
    throw new DockerfileError(`no stage is named "${opts.target ?? ''}" (the build target)`, stages[0]?.from.line ?? 1);
  }
  return { escape: parsed.escape, stages, target };
}
