// Container output: Docker's multiplexed attach stream (8-byte frame headers) split into complete lines.
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';

export type StreamKind = 'stdin' | 'stdout' | 'stderr';
const KINDS: Record<number, StreamKind> = { 0: 'stdin', 1: 'stdout', 2: 'stderr' };

/**
 * Parses Docker's non-TTY stream format: frames of [kind, 0, 0, 0, size (uint32 BE)] followed by size bytes.
 * Frames may be cut anywhere across chunks. Bytes that do not start with a valid header (a TTY stream) pass through
 * as stdout from then on.
 */
export class DockerStreamDemuxer {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private frame: { kind: StreamKind; remaining: number } | undefined;
  private raw = false;

  constructor(private readonly onPayload: (kind: StreamKind, payload: Buffer) => void) {}

  push(chunk: Buffer): void {
    if (this.raw) {
      this.onPayload('stdout', chunk);
      return;
    }
    let offset = 0;
    while (offset < chunk.length) {
      if (this.frame) {
        const take = Math.min(this.frame.remaining, chunk.length - offset);
        this.onPayload(this.frame.kind, chunk.subarray(offset, offset + take));
        this.frame.remaining -= take;
        offset += take;
        if (this.frame.remaining === 0) this.frame = undefined;
        continue;
      }
      const need = 8 - this.pendingBytes;
      const piece = chunk.subarray(offset, offset + need);
      this.pending.push(piece);
      this.pendingBytes += piece.length;
      offset += piece.length;
      if (this.pendingBytes < 8) return;
      const header = Buffer.concat(this.pending, 8);
      this.pending = [];
      this.pendingBytes = 0;
      const kind = KINDS[header[0] ?? -1];
      if (!kind || header[1] !== 0 || header[2] !== 0 || header[3] !== 0) {
        this.raw = true;
        this.onPayload('stdout', Buffer.concat([header, chunk.subarray(offset)]));
        return;
      }
      const size = header.readUInt32BE(4);
      if (size > 0) this.frame = { kind, remaining: size };
    }
  }

  /** Bytes of an unfinished header at the end of the stream (only a raw stream shorter than 8 bytes has them). */
  end(): void {
    if (this.pendingBytes > 0) this.onPayload('stdout', Buffer.concat(this.pending));
    this.pending = [];
    this.pendingBytes = 0;
  }
}

/** Longest line kept whole; a longer run of bytes without a newline is emitted in pieces of this size. */
export const MAX_LINE_CHARS = 64 * 1024;

/** Splits decoded text into lines across chunk boundaries (UTF-8 safe); a trailing `\r` is dropped from each line. */
export class LineSplitter {
  private readonly decoder = new StringDecoder('utf8');
  private partial = '';

  constructor(private readonly onLine: (line: string) => void) {}

  push(chunk: Buffer): void {
    const text = this.partial + this.decoder.write(chunk);
    let start = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
      this.emit(text.slice(start, nl));
      start = nl + 1;
    }
    this.partial = text.slice(start);
    while (this.partial.length > MAX_LINE_CHARS) {
      this.onLine(this.partial.slice(0, MAX_LINE_CHARS));
      this.partial = this.partial.slice(MAX_LINE_CHARS);
    }
  }

  /** Emits the last line when the stream ended without a newline. */
  flush(): void {
    const rest = this.partial + this.decoder.end();
    this.partial = '';
    if (rest !== '') this.emit(rest);
  }

  private emit(line: string): void {
    this.onLine(line.endsWith('\r') ? line.slice(0, -1) : line);
  }
}

/**
 * Reads a container's attach stream to its end, calling onLine for each complete line of stdout and stderr (each
 * has its own partial line, so interleaved writes never glue together). Resolves when the stream ends or closes.
 */
export function followContainerOutput(
  stream: Readable,
  onLine: (line: string, kind: StreamKind) => void,
): Promise<void> {
  const splitters: Record<StreamKind, LineSplitter> = {
    stdin: new LineSplitter((line) => onLine(line, 'stdin')),
    stdout: new LineSplitter((line) => onLine(line, 'stdout')),
    stderr: new LineSplitter((line) => onLine(line, 'stderr')),
  };
  const demuxer = new DockerStreamDemuxer((kind, payload) => splitters[kind].push(payload));
  return new Promise<void>((resolve) => {
    let done = false;
    const finish = (): void => {
      if (done) return;
      done = true;
      demuxer.end();
      for (const splitter of Object.values(splitters)) splitter.flush();
      resolve();
    };
    stream.on('data', (chunk: Buffer | string) => demuxer.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk));
    stream.once('end', finish);
    stream.once('close', finish);
    // A broken connection ends the log, not the run: the container's exit code is what counts.
    stream.once('error', finish);
  });
}
