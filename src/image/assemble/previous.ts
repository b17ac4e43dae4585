// The previous image a build can be finished from: looked up by the tag of its anchor step, its config read, and its
// history lined up with the steps its label records (the base's entries first, one per step, then the LABEL of the
// build's own labels), so each step's layer is known. Only the manifest and the config are read here.
import type { RegistryClient } from '../registry.js';
import { getBlob, getManifest } from '../registry-blobs.js';
import { anchorTag, decodeRecord, type StepRecord } from '../steps/record.js';
import type { ImageConfig } from './config.js';
import { NotAssemblable } from './copy-entries.js';

export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  [other: string]: unknown;
}

export interface Manifest {
  schemaVersion: number;
  mediaType?: string;
  config: Descriptor;
  layers: Descriptor[];
  [other: string]: unknown;
}

export interface PreviousImage {
  manifestType: string;
  manifest: Manifest;
  config: ImageConfig;
  record: StepRecord;
  /** History entries before the first step (the base's). */
  baseHistory: number;
  /** For each recorded step (index as in the keys, 1…), the index of its layer, or undefined for none. */
  layerOf: Array<number | undefined>;
}

const SINGLE = new Set([
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
]);

/** Lines the history up with the recorded steps; refuses an image whose history does not fit them. */
function layerIndexes(
  config: ImageConfig,
  record: StepRecord,
  layers: number,
): { base: number; layerOf: Array<number | undefined> } {
  const history = config.history ?? [];
  const steps = record.keys.length - 1;
  const base = history.length - steps - record.tail;
  const nonEmpty = history.filter((h) => h.empty_layer !== true).length;
  if (base < 0 || nonEmpty !== layers || config.rootfs.diff_ids.length !== layers) {
    throw new NotAssemblable('the previous image’s history does not line up with its steps');
  }
  const layerOf: Array<number | undefined> = [undefined];
  let index = history.slice(0, base).filter((h) => h.empty_layer !== true).length;
  for (let i = 0; i < steps; i++) layerOf.push(history[base + i]?.empty_layer === true ? undefined : index++);
  if (history.slice(base + steps).some((h) => h.empty_layer !== true)) {
    throw new NotAssemblable('the previous image’s last history entries are not the LABELs of its build');
  }
  return { base, layerOf };
}

/** The image tagged by the anchor key in `path`, or why there is none to finish from. */
export async function findPrevious(client: RegistryClient, path: string, anchorKey: string): Promise<PreviousImage> {
  const tag = anchorTag(anchorKey);
  const found = await getManifest(client, path, tag);
  if (!found) throw new NotAssemblable(`no image in the repository has the same steps through that one (${tag})`);
  if (!SINGLE.has(found.mediaType)) throw new NotAssemblable(`${tag} is a ${found.mediaType}, not a single image`);
  const manifest = JSON.parse(found.body.toString('utf8')) as Manifest;
  const config = JSON.parse((await getBlob(client, path, manifest.config.digest)).toString('utf8')) as ImageConfig;
  const record = decodeRecord(config.config?.Labels);
  if (!record) throw new NotAssemblable(`${tag} has no step record this version reads`);
  const { base, layerOf } = layerIndexes(config, record, manifest.layers.length);
  return { manifestType: found.mediaType, manifest, config, record, baseHistory: base, layerOf };
}
