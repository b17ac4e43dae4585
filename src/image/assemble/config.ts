// An image config changed by the instructions that only touch the config, the way the classic builder changes it:
// ENV and LABEL (keys and values expanded with the variables before the instruction), WORKDIR (a relative path joined
// to the current one), USER, EXPOSE (port specs, ranges), SHELL, STOPSIGNAL, and CMD/ENTRYPOINT (the shell form run by
// the current shell; an ENTRYPOINT clears a CMD the stage did not set itself). ARG changes nothing in the config.
import { posix } from 'node:path';

import { DockerfileError } from '../dockerfile/parse.js';
import { expandWord, ExpansionError, nameValuePairs, splitWords, type Lookup } from '../dockerfile/expand.js';
import type { Step } from '../dockerfile/stages.js';

export interface ContainerConfig {
  Env?: string[] | null;
  WorkingDir?: string;
  User?: string;
  Entrypoint?: string[] | null;
  Cmd?: string[] | null;
  ExposedPorts?: Record<string, object> | null;
  Labels?: Record<string, string> | null;
  Shell?: string[] | null;
  StopSignal?: string;
  [other: string]: unknown;
}

export interface HistoryEntry {
  created?: string;
  created_by?: string;
  empty_layer?: boolean;
  comment?: string;
  [other: string]: unknown;
}

export interface ImageConfig {
  architecture?: string;
  os?: string;
  config?: ContainerConfig;
  rootfs: { type: string; diff_ids: string[] };
  history?: HistoryEntry[];
  [other: string]: unknown;
}

/** The variables a step expands with: the config's Env first (it wins over an ARG), then the ARGs in scope. */
export function lookupFor(config: ContainerConfig, args: Record<string, string>): Lookup {
  const env = new Map<string, string>();
  for (const entry of config.Env ?? []) {
    const eq = entry.indexOf('=');
    if (eq > 0) env.set(entry.slice(0, eq), entry.slice(eq + 1));
  }
  return (name) => env.get(name) ?? (Object.prototype.hasOwnProperty.call(args, name) ? args[name] : undefined);
}

function setEnv(env: string[], name: string, value: string): string[] {
  const at = env.findIndex((e) => e.startsWith(`${name}=`));
  const next = [...env];
  if (at >= 0) next[at] = `${name}=${value}`;
  else next.push(`${name}=${value}`);
  return next;
}

function portSpecs(words: string[], line: number): string[] {
  const ports: string[] = [];
  for (const word of words) {
    const match = /^(\d+)(?:-(\d+))?(?:\/(tcp|udp|sctp))?$/i.exec(word);
    if (!match) throw new DockerfileError(`EXPOSE: invalid port "${word}"`, line);
    const low = Number(match[1]);
    const high = match[2] !== undefined ? Number(match[2]) : low;
    if (high < low || high > 65535) throw new DockerfileError(`EXPOSE: invalid port range "${word}"`, line);
    for (let port = low; port <= high; port++) ports.push(`${port}/${(match[3] ?? 'tcp').toLowerCase()}`);
  }
  return ports;
}

function shellForm(config: ContainerConfig, step: Step): string[] {
  const { json, rest } = step.instruction;
  return json ?? [...(config.Shell && config.Shell.length > 0 ? config.Shell : ['/bin/sh', '-c']), rest];
}

export interface ConfigState {
  config: ContainerConfig;
  /** Whether a CMD of this stage came before (an ENTRYPOINT then keeps it). */
  cmdSet: boolean;
}

/** The config after one config-only step; a DockerfileError names the line of what cannot be applied. */
export function applyConfigStep(
  state: ConfigState,
  step: Step,
  argsBefore: Record<string, string>,
  escape: string,
): ConfigState {
  const { keyword, rest, line } = step.instruction;
  const config: ContainerConfig = { ...state.config };
  const lookup = lookupFor(state.config, argsBefore);
  const expand = (word: string): string => {
    try {
      return expandWord(word, lookup, escape);
    } catch (err) {
      if (err instanceof ExpansionError) throw new DockerfileError(err.message, line);
      throw err;
    }
  };
  let cmdSet = state.cmdSet;
  if (keyword === 'ENV' || keyword === 'LABEL') {
    const pairs = nameValuePairs(rest, escape, keyword === 'ENV');
    if (pairs.length === 0) throw new DockerfileError(`${keyword} needs at least one name=value`, line);
    let env = [...(config.Env ?? [])];
    const labels = { ...(config.Labels ?? {}) };
    for (const { name, value } of pairs) {
      if (value === undefined) throw new DockerfileError(`${keyword} ${name} has no value`, line);
      const key = expand(name);
      const expanded = expand(value);
      if (keyword === 'ENV') env = setEnv(env, key, expanded);
      else labels[key] = expanded;
    }
    if (keyword === 'ENV') config.Env = env;
    else config.Labels = labels;
  } else if (keyword === 'WORKDIR') {
    const path = expand(rest.trim());
    if (path === '') throw new DockerfileError('WORKDIR needs a path', line);
    config.WorkingDir = path.startsWith('/') ? path : posix.join('/', config.WorkingDir ?? '', path);
  } else if (keyword === 'USER') {
    config.User = expand(rest.trim());
  } else if (keyword === 'EXPOSE') {
    const ports = portSpecs(splitWords(rest, escape).map(expand), line);
    config.ExposedPorts = { ...(config.ExposedPorts ?? {}), ...Object.fromEntries(ports.map((p) => [p, {}])) };
  } else if (keyword === 'SHELL') {
    config.Shell = step.instruction.json ?? null;
  } else if (keyword === 'STOPSIGNAL') {
    config.StopSignal = expand(rest.trim());
  } else if (keyword === 'CMD') {
    config.Cmd = shellForm(config, step);
    cmdSet = true;
  } else if (keyword === 'ENTRYPOINT') {
    config.Entrypoint = shellForm(config, step);
    if (!cmdSet) config.Cmd = null;
  }
  return { config, cmdSet };
}
