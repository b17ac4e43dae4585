// One tar entry at a time into a tar-stream pack, shared by the build context and the model/output archives.
import type { Readable } from 'node:stream';

import type { Header, Pack } from 'tar-stream';

export type EntryHeader = Partial<Header> & Pick<Header, 'name'>;

/**
 * Adds one entry; a stream body is piped in (its size must be in the header). Resolves when the pack took it, so
 * entries are added one after another and memory stays bounded whatever the file sizes.
 */
export function addEntry(pack: Pack, header: EntryHeader, body?: Readable | Buffer): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const done = (err?: Error | null): void => (err ? reject(err) : resolve());
    if (Buffer.isBuffer(body)) {
      pack.entry(header, body, done);
      return;
    }
    const sink = pack.entry(header, done);
    if (!body) {
      sink.end(undefined);
      return;
    }
    body.once('error', (err) => {
      sink.destroy(err);
      reject(err);
    });
    body.pipe(sink);
  });
}
