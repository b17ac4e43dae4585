// The serving container's life: create and start it as hosting does, read its state and last log lines, remove it.
import type Dockerode from 'dockerode';

import { DockerStreamDemuxer } from '../backends/local/logs.js';
import { removeContainer } from '../backends/local/cleanup.js';
import { createContainer } from '../docker-client.js';
import type { Logger } from '../logger.js';
import { bindPort, publishedPort, serveContainerOptions, type ServeContainerOptions } from './hosting.js';

export interface ServingContainer {
  id: string;
  /** The host port of 8080; absent when the container stopped before the engine reported it. */
  port?: number;
}

/** Creates and starts the container; `onCreated` hears its id before it starts (so a kill can still remove it). */
export async function startServing(
  docker: Dockerode,
  options: ServeContainerOptions,
  onCreated: (id: string) => void,
): Promise<ServingContainer> {
  const container = await createContainer(docker, serveContainerOptions(options));
  onCreated(container.id);
  await container.start();
  const port = publishedPort(await container.inspect(), bindPort(options.environment));
  return { id: container.id, ...(port !== undefined ? { port } : {}) };
}

/** Whether it still runs, and its exit code when it stopped. */
export async function containerState(docker: Dockerode, id: string): Promise<{ running: boolean; exitCode?: number }> {
  const state = (await docker.getContainer(id).inspect()).State;
  return { running: state.Running, ...(state.Running ? {} : { exitCode: state.ExitCode }) };
}

/** The last `lines` lines of its stdout and stderr, in order; empty when they cannot be read. */
export async function lastLogLines(docker: Dockerode, id: string, lines: number): Promise<string[]> {
  try {
    const raw = await docker.getContainer(id).logs({ stdout: true, stderr: true, follow: false, tail: lines });
    const parts: Buffer[] = [];
    const demuxer = new DockerStreamDemuxer((_kind, payload) => parts.push(payload));
    demuxer.push(Buffer.isBuffer(raw) ? raw : Buffer.from(String(raw)));
    return Buffer.concat(parts)
      .toString('utf8')
      .split('\n')
      .map((l) => l.replace(/\r$/, ''))
      .filter((l) => l.length > 0)
      .slice(-lines);
  } catch {
    return [];
  }
}

export function removeServing(docker: Dockerode, id: string, logger: Logger): Promise<void> {
  return removeContainer(docker, id, logger);
}
