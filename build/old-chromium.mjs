// Unpacks the old headless Chromium builds that two npm packages ship inside their tarballs, for
// the end-to-end journeys on old browser kernels (tests/e2e/old-browsers.test.mjs):
//   chrome-aws-lambda 5.3.1   → Chromium 86 (the kernel of 360安全浏览器 13, many 奇安信 desktops)
//   @sparticuz/chromium 109.0.6 → Chromium 109 (the last Chrome on Windows 7)
// Each ships bin/chromium.br (the browser, brotli) and bin/*.tar.br (its libraries and
// SwiftShader). Nothing is downloaded: node's brotli and the system's tar, into
// target/old-chromium/<version>/. A version already unpacked is left alone.
//   node build/old-chromium.mjs [86] [109]
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { mkdir, chmod, writeFile, rm } from 'node:fs/promises';
import { createBrotliDecompress } from 'node:zlib';
import { pipeline } from 'node:stream/promises';
import { spawn } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const PACKAGES = {
  86: 'chrome-aws-lambda',
  109: '@sparticuz/chromium',
};

/** Where a version's browser binary is once unpacked, and its library folder. */
export function oldChromium(version) {
  const dir = join(root, 'target', 'old-chromium', String(version));
  return { dir, executable: join(dir, 'chromium'), libraries: join(dir, 'lib') };
}

// The archive is decompressed to a file before tar reads it: GNU tar stops reading at the
// end-of-archive blocks, so piping into its stdin races node's last writes against tar's exit
// (ERR_STREAM_PREMATURE_CLOSE, seen in CI).
async function untar(archive, into) {
  const plain = join(into, '.archive.tar');
  await pipeline(createReadStream(archive), createBrotliDecompress(), createWriteStream(plain));
  const tar = spawn('tar', ['-x', '--no-same-owner', '-f', plain, '-C', into], { stdio: 'inherit' });
  await new Promise((ok, fail) => {
    tar.on('error', fail);
    tar.on('close', (code) => (code === 0 ? ok() : fail(new Error(`tar exited ${code} on ${archive}`))));
  });
  await rm(plain);
}

async function unpack(version) {
  const { dir, executable } = oldChromium(version);
  const done = join(dir, '.unpacked');
  if (existsSync(done)) return;
  const bin = join(root, 'node_modules', PACKAGES[version], 'bin');
  if (!existsSync(bin)) throw new Error(`${PACKAGES[version]} is not installed: run npm ci`);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  await pipeline(createReadStream(join(bin, 'chromium.br')), createBrotliDecompress(), createWriteStream(executable));
  await chmod(executable, 0o755);
  // aws.tar.br: lib/ (NSS, expat…) and fonts; swiftshader.tar.br: libEGL/libGLESv2 for
  // --use-gl=swiftshader, which Chromium looks for beside its binary.
  await untar(join(bin, 'aws.tar.br'), dir);
  await untar(join(bin, 'swiftshader.tar.br'), dir);
  await writeFile(done, `${PACKAGES[version]}\n`);
  console.log(`unpacked Chromium ${version} from ${PACKAGES[version]} into ${dir}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const versions = process.argv.slice(2);
  for (const version of versions.length ? versions : Object.keys(PACKAGES)) await unpack(version);
}
