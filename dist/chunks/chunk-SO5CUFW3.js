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
