import { createRequire as __smtCreateRequire } from 'node:module'; import { fileURLToPath as __smtFileURLToPath } from 'node:url'; import { dirname as __smtDirname } from 'node:path'; const require = __smtCreateRequire(import.meta.url); const __filename = __smtFileURLToPath(import.meta.url); const __dirname = __smtDirname(__filename);

// src/archive/tar-entry.ts
function addEntry(pack, header, body) {
  return new Promise((resolve, reject) => {
    const done = (err) => err ? reject(err) : resolve();
    if (Buffer.isBuffer(body)) {
      pack.entry(header, body, done);
      return;
    }
    const sink = pack.entry(header, done);
    if (!body) {
      sink.end(void 0);
      return;
    }
    body.once("error", (err) => {
      sink.destroy(err);
      reject(err);
    });
    body.pipe(sink);
  });
}

export {
  addEntry
};
