// src/archive/lstat-each.ts
import { lstat } from "node:fs/promises";
import { join } from "node:path";
var LSTAT_BATCH = 256;
async function* lstatEach(dir, names) {
  for (let i = 0; i < names.length; i += LSTAT_BATCH) {
    const batch = names.slice(i, i + LSTAT_BATCH);
    yield* await Promise.all(batch.map(async (name) => [name, await lstat(join(dir, name))]));
  }
}

export {
  lstatEach
};
