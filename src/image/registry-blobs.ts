// The parts of the registry API that assembly needs beyond tags: read a manifest and a small blob (checked against its
// digest), ask whether a blob is there, upload one (POST, then a single PUT of the stream with its digest), and put a
// manifest. Docker Registry HTTP API v2 / OCI distribution, as ECR, GHCR and the open-source registry serve it.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';

import { RegistryError, type RegistryClient, type RegistryResponse } from './registry.js';

export interface FetchedManifest {
  mediaType: string;
  digest: string;
  body: Buffer;
}

async function failure(response: RegistryResponse, what: string, host: string): Promise<RegistryError> {
  const detail = (await response.text().catch(() => '')).trim().slice(0, 300);
  return new RegistryError(
    `${host} answered HTTP ${response.status} for ${what}${detail ? `: ${detail}` : ''}`,
    response.status,
  );
}

function sha256(body: Buffer): string {
  return `sha256:${createHash('sha256').update(body).digest('hex')}`;
}

/** The manifest `name:reference` names, or undefined when there is none. */
export async function getManifest(
  client: RegistryClient,
  name: string,
  reference: string,
): Promise<FetchedManifest | undefined> {
  const response = await client.send(
    `${client.baseUrl}/v2/${name}/manifests/${encodeURIComponent(reference)}`,
    'GET',
    name,
  );
  if (response.status === 404) return undefined;
  if (!response.ok) throw await failure(response, `${name}:${reference}`, client.host);
  const body = Buffer.from(await response.arrayBuffer());
  const digest = sha256(body);
  const said = response.headers.get('docker-content-digest');
  if (said && said !== digest) throw new RegistryError(`${client.host} sent ${name}:${reference} with a wrong digest`);
  const mediaType = (response.headers.get('content-type') ?? '').split(';')[0]?.trim() ?? '';
  return { mediaType, digest, body };
}

/** A small blob (a config, a small layer), checked against its digest. */
export async function getBlob(client: RegistryClient, name: string, digest: string): Promise<Buffer> {
  const response = await client.send(`${client.baseUrl}/v2/${name}/blobs/${digest}`, 'GET', name);
  if (!response.ok) throw await failure(response, `the blob ${digest} of ${name}`, client.host);
  const body = Buffer.from(await response.arrayBuffer());
  if (sha256(body) !== digest) throw new RegistryError(`${client.host} sent the blob ${digest} with other bytes`);
  return body;
}

export async function blobExists(client: RegistryClient, name: string, digest: string): Promise<boolean> {
  const response = await client.send(`${client.baseUrl}/v2/${name}/blobs/${digest}`, 'HEAD', name, { push: true });
  if (response.status === 404) return false;
  if (response.ok) return true;
  throw await failure(response, `the blob ${digest} of ${name}`, client.host);
}

/** Uploads a blob from bytes or a file, unless the registry has it. Returns true when bytes were sent. */
export async function uploadBlob(
  client: RegistryClient,
  name: string,
  blob: { digest: string; size: number; bytes?: Buffer; file?: string },
  opts: { fresh?: boolean } = {},
): Promise<boolean> {
  // A blob made a moment ago (its digest covers a timestamp) is not asked about: one round trip less.
  if (!opts.fresh && (await blobExists(client, name, blob.digest))) return false;
  const started = await client.send(`${client.baseUrl}/v2/${name}/blobs/uploads/`, 'POST', name, { push: true });
  if (started.status !== 202) throw await failure(started, `an upload to ${name}`, client.host);
  const location = started.headers.get('location');
  if (!location) throw new RegistryError(`${client.host} started an upload to ${name} without a location`);
  const url = new URL(location, client.baseUrl);
  url.searchParams.set('digest', blob.digest);
  const body =
    blob.bytes ??
    (Readable.toWeb(createReadStream(blob.file ?? '', { highWaterMark: 1024 * 1024 })) as ReadableStream<Uint8Array>);
  const put = await client.send(url.toString(), 'PUT', name, {
    type: 'application/octet-stream',
    body,
    length: blob.size,
    push: true,
  });
  if (put.status !== 201) throw await failure(put, `the blob ${blob.digest} of ${name}`, client.host);
  return true;
}

/** Puts a manifest under `reference` (a tag); returns its digest. */
export async function putManifest(
  client: RegistryClient,
  name: string,
  reference: string,
  manifest: { mediaType: string; body: Buffer },
): Promise<string> {
  const url = `${client.baseUrl}/v2/${name}/manifests/${encodeURIComponent(reference)}`;
  const response = await client.send(url, 'PUT', name, { type: manifest.mediaType, body: manifest.body, push: true });
  if (response.status !== 201) throw await failure(response, `the manifest ${name}:${reference}`, client.host);
  return sha256(manifest.body);
}
