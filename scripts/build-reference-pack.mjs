// `node scripts/build-reference-pack.mjs`: builds the AI-exposure reference pack from the GPTs-are-GPTs label
// set, so the renderer bundle ships it. Reads full_labelset.tsv (and LICENSE) from ../shared/data/gpts-are-gpts
// beside the repository, or from $COARCHITECT_REFERENCE_DATA; keeps only the columns the app uses; writes the
// gzipped, versioned pack with its licence block to renderer/public/reference/ (gitignored: the data is never
// committed). Without the source folder it says so and exits 0: the app then asks for reference data instead.
// The pure parts (TSV parsing, validation, encoding) live in shared/reference and are bundled with esbuild.
import { build } from 'esbuild';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const source = resolve(root, process.env.COARCHITECT_REFERENCE_DATA ?? '../shared/data/gpts-are-gpts');
const PACK_PATH = join(root, 'renderer/public/reference/onet-exposure.refpack');
const tsvPath = join(source, 'full_labelset.tsv');

if (!existsSync(tsvPath)) {
  console.log(
    `reference pack: no source at ${tsvPath}; building without AI-exposure reference data ` +
      '(users can still use "Import reference data…").',
  );
  process.exit(0);
}

const bundle = await build({
  absWorkingDir: root,
  stdin: {
    contents: "export { parseLabelsetTsv, encodePack, readPack } from './shared/reference/index';",
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  write: false,
  logLevel: 'error',
});
const { parseLabelsetTsv, encodePack, readPack } = await import(
  `data:text/javascript;base64,${Buffer.from(bundle.outputFiles[0].text).toString('base64')}`
);

const licencePath = join(source, 'LICENSE');
const mitNotice = existsSync(licencePath) ? readFileSync(licencePath, 'utf8').trim() : undefined;
const parsed = parseLabelsetTsv(readFileSync(tsvPath, 'utf8'), mitNotice);
if (!parsed.ok) {
  console.error(`reference pack: ${tsvPath}: ${parsed.reason}`);
  process.exit(1);
}
const bytes = encodePack(parsed.pack);
// The app reads the pack back with the same reader: never ship one it would refuse.
const check = readPack(bytes);
if (!check.ok) {
  console.error(`reference pack: the built pack would be refused: ${check.reason}`);
  process.exit(1);
}
mkdirSync(join(root, 'renderer/public/reference'), { recursive: true });
writeFileSync(PACK_PATH, bytes);
const skipped = parsed.skipped.length ? `, ${parsed.skipped.length} rows skipped` : '';
console.log(
  `reference pack: ${parsed.pack.tasks.length} tasks, ${parsed.pack.occupations.length} occupations${skipped}, ` +
    `${(bytes.length / 1024 / 1024).toFixed(2)} MB → ${PACK_PATH}`,
);
