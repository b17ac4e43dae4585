// Child process of artifact-packing.mjs: packs one folder with the project's packer and prints its peak RSS, so the
// figure is the packer's alone. Usage: node bench/pack-child.mjs BUNDLE DIR OUT.tar.gz
import { createWriteStream } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { finished } from 'node:stream/promises';

const [bundle, dir, out] = process.argv.slice(2);
const { packDirectoryToTarGz } = createRequire(import.meta.url)(resolve(bundle));
const dest = createWriteStream(out);
await packDirectoryToTarGz(dir, dest);
if (!dest.writableFinished) await finished(dest);
console.log(JSON.stringify({ maxRssKiB: process.resourceUsage().maxRSS }));
