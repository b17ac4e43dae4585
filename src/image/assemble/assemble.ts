// Registry-native assembly: the new image is the previous image's base and reused steps (their layers stay in the
// registry, never downloaded) plus the layers of the changed COPY/ADD steps, made here from the context, with the
// config changed as the builder would. Only new blobs are uploaded, then the config and the manifest, in the previous
// manifest's media types. No engine. Throws NotAssemblable with the one-line reason when the engine must build.
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { BuildStages } from '../dockerfile/stages.js';
import type { RegistryClient } from '../registry.js';
import { getBlob, putManifest, uploadBlob } from '../registry-blobs.js';
import type { CopyContext } from '../steps/keys.js';
import { anchorIndex } from '../steps/applicable.js';
import { anchorTag, withStepsLabel } from '../steps/record.js';

import { applySteps, type Applied } from './apply.js';
import type { ImageConfig } from './config.js';
import { NotAssemblable, type PathInfo } from './copy-entries.js';
import { readLayerIndex } from './layer-file.js';
import { findPrevious, type Descriptor, type PreviousImage } from './previous.js';

export interface AssembleInput {
  client: RegistryClient;
  /** The repository's path in the registry. */
  path: string;
  stages: BuildStages;
  keys: string[];
  texts: string[];
  context: CopyContext;
  /** The labels the build adds (revision, source); the step record is added here. */
  labels: Record<string, string>;
  /** Tags the new manifest gets (the content tag first). */
  tags: string[];
  now?: Date;
}

export interface Assembled {
  digest: string;
  /** Steps reused from the previous image (the FROM counted), of all steps. */
  reusedSteps: number;
  totalSteps: number;
  uploadedBytes: number;
  newLayers: number;
}

const LAYER_TYPES: Record<string, string> = {
  'application/vnd.oci.image.manifest.v1+json': 'application/vnd.oci.image.layer.v1.tar+gzip',
  'application/vnd.docker.distribution.manifest.v2+json': 'application/vnd.docker.image.rootfs.diff.tar.gzip',
};

function commonPrefix(a: string[], b: string[]): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** The first step (1-based) from `from` whose text differs from the previous image's; the steps after it there must be
 * COPY/ADD only, so the previous config is the config before it. */
function pairedUntil(input: AssembleInput, previous: PreviousImage, from: number): number {
  let j = from;
  while (j < input.texts.length && j < previous.record.texts.length && input.texts[j] === previous.record.texts[j]) j++;
  const history = previous.config.history ?? [];
  for (let old = j; old < previous.record.keys.length; old++) {
    const entry = history[previous.baseHistory + old - 1];
    if (!/#\(nop\) (COPY|ADD) /.test(entry?.created_by ?? '')) {
      const line = input.stages.target.steps[j - 1]?.instruction.line;
      throw new NotAssemblable(
        `the Dockerfile changed${line ? ` at line ${line}` : ''} before a step that set the previous image's config`,
      );
    }
  }
  return j;
}

function buildLabels(input: AssembleInput, previous: PreviousImage): Record<string, string> {
  const labels = withStepsLabel(input, input.labels);
  const old = previous.config.config?.Labels ?? {};
  for (const key of ['org.opencontainers.image.revision', 'org.opencontainers.image.source']) {
    if (key in old && !(key in labels))
      throw new NotAssemblable(`the previous image has the label ${key} and this build has none`);
  }
  return labels;
}

async function applyFrom(
  input: AssembleInput,
  previous: PreviousImage,
  from: number,
  tmpDir: string,
  now: Date,
): Promise<Applied> {
  const until = pairedUntil(input, previous, from);
  const pairedIndex = async (index: number): Promise<Map<string, PathInfo> | undefined> => {
    const layer = previous.layerOf[index];
    const descriptor = layer === undefined ? undefined : previous.manifest.layers[layer];
    return descriptor ? readLayerIndex(await getBlob(input.client, input.path, descriptor.digest)) : undefined;
  };
  const steps = input.stages.target.steps;
  const owners = new Map<string, Promise<{ uid: number; gid: number } | undefined>>();
  const ownerNamed = (flag: string): Promise<{ uid: number; gid: number } | undefined> => {
    let owner = owners.get(flag);
    if (!owner) {
      owner = ownerCopiedAs(input, previous, flag);
      owners.set(flag, owner);
    }
    return owner;
  };
  return applySteps({
    steps,
    from,
    pairedUntil: until,
    escape: input.stages.escape,
    context: input.context,
    start: {
      config: { ...(previous.config.config ?? {}) },
      cmdSet: steps.slice(0, from - 1).some((s) => s.instruction.keyword === 'CMD'),
    },
    pairedLayer: pairedIndex,
    ownerNamed,
    reuseLayer: (index) => previous.layerOf[index],
    tmpDir,
    now,
  });
}

// Layers read for an owner's ids are a COPY's: a larger one is not worth its download.
const OWNER_LAYER_MAX = 64 * 1024 * 1024;

/** The uid:gid a file got from a COPY/ADD of the previous image with `--chown=<flag>` (its history names the flag). */
async function ownerCopiedAs(
  input: AssembleInput,
  previous: PreviousImage,
  flag: string,
): Promise<{ uid: number; gid: number } | undefined> {
  const escaped = flag.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // The engine writes `COPY --chown=a:bfile:<digest> in /dest`, this tool the Dockerfile's line.
  const used = new RegExp(`#\\(nop\\) (COPY|ADD) (.* )?--chown=${escaped}(\\s|file:|dir:|multi:)`);
  const history = previous.config.history ?? [];
  for (let step = 1; step < previous.record.keys.length; step++) {
    const layer = previous.layerOf[step];
    const descriptor = layer === undefined ? undefined : previous.manifest.layers[layer];
    if (!descriptor || descriptor.size > OWNER_LAYER_MAX) continue;
    if (!used.test(history[previous.baseHistory + step - 1]?.created_by ?? '')) continue;
    const index = await readLayerIndex(await getBlob(input.client, input.path, descriptor.digest));
    const file = [...index.values()].find((info) => info.type === 'file');
    if (file) return { uid: file.uid, gid: file.gid };
  }
  return undefined;
}

/** The new config and manifest, the previous image's first `reusedLayers` layers kept. */
function newImage(
  previous: PreviousImage,
  applied: Applied,
  from: number,
  labels: Record<string, string>,
  now: Date,
): { config: ImageConfig; layers: Descriptor[]; diffIds: string[] } {
  const history = previous.config.history ?? [];
  const keptHistory = history.slice(0, previous.baseHistory + from - 1);
  const reusedLayers = keptHistory.filter((h) => h.empty_layer !== true).length;
  const layerType = LAYER_TYPES[previous.manifestType] ?? 'application/vnd.docker.image.rootfs.diff.tar.gzip';
  const layers = previous.manifest.layers.slice(0, reusedLayers);
  const diffIds = previous.config.rootfs.diff_ids.slice(0, reusedLayers);
  for (const layer of applied.layers) {
    if (layer.kind === 'new') {
      layers.push({ mediaType: layerType, digest: layer.blob.digest, size: layer.blob.size });
      diffIds.push(layer.blob.diffId);
    } else {
      layers.push(previous.manifest.layers[layer.index] as Descriptor);
      diffIds.push(previous.config.rootfs.diff_ids[layer.index] as string);
    }
  }
  // One LABEL entry per build label, in name order, as the classic builder adds them.
  const labelEntries = Object.keys(labels)
    .sort()
    .map((key) => ({ created: now.toISOString(), created_by: `/bin/sh -c #(nop)  LABEL ${key}`, empty_layer: true }));
  const { container: _container, ...rest } = previous.config;
  const config: ImageConfig = {
    ...rest,
    created: now.toISOString(),
    config: { ...applied.state.config, Labels: { ...(applied.state.config.Labels ?? {}), ...labels } },
    rootfs: { type: 'layers', diff_ids: diffIds },
    history: [...keptHistory, ...applied.history, ...labelEntries],
  };
  return { config, layers, diffIds };
}

/** Assembles and pushes the image; throws NotAssemblable with the reason when the engine must build it. */
export async function assembleImage(input: AssembleInput): Promise<Assembled> {
  const steps = input.stages.target.steps;
  const anchor = anchorIndex(steps);
  const previous = await findPrevious(input.client, input.path, input.keys[anchor] ?? '');
  const from = commonPrefix(input.keys, previous.record.keys);
  if (from <= anchor)
    throw new NotAssemblable(`the image tagged ${anchorTag(input.keys[anchor] ?? '')} differs before its anchor step`);
  const labels = buildLabels(input, previous);
  const now = input.now ?? new Date();
  const tmpDir = await mkdtemp(join(tmpdir(), 'smt-assemble-'));
  try {
    const applied = await applyFrom(input, previous, from, tmpDir, now);
    const { config, layers } = newImage(previous, applied, from, labels, now);
    const fresh = applied.layers.flatMap((l) => (l.kind === 'new' ? [l.blob] : []));
    const configBytes = Buffer.from(JSON.stringify(config));
    // The new blobs side by side (each one new: made here a moment ago), then the manifest under every tag at once.
    const [sent, configDescriptor] = await Promise.all([
      Promise.all(
        fresh.map((blob) =>
          uploadBlob(
            input.client,
            input.path,
            { digest: blob.digest, size: blob.size, file: blob.file },
            { fresh: true },
          ),
        ),
      ),
      uploadConfig(input, configBytes, previous),
    ]);
    let uploadedBytes = configBytes.length + fresh.reduce((sum, blob, i) => sum + (sent[i] ? blob.size : 0), 0);
    const newLayers = fresh.length;
    const manifest = { schemaVersion: 2, mediaType: previous.manifestType, config: configDescriptor, layers };
    const body = Buffer.from(JSON.stringify(manifest));
    const tags = [...input.tags, anchorTag(input.keys[anchor] ?? '')];
    const digests = await Promise.all(
      tags.map((tag) => putManifest(input.client, input.path, tag, { mediaType: previous.manifestType, body })),
    );
    const digest = digests[0] ?? '';
    uploadedBytes += body.length;
    return { digest, reusedSteps: from, totalSteps: input.keys.length, uploadedBytes, newLayers };
  } finally {
    await rm(tmpDir, { recursive: true, force: true });
  }
}

async function uploadConfig(input: AssembleInput, bytes: Buffer, previous: PreviousImage): Promise<Descriptor> {
  const digest = `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
  await uploadBlob(input.client, input.path, { digest, size: bytes.length, bytes }, { fresh: true });
  return { mediaType: previous.manifest.config.mediaType, digest, size: bytes.length };
}
