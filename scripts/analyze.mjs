// `npm run analyze -- <file.coarchitect.json> [--workflow NAME] [--json] ...`: bundles the pure CLI in
// shared/analysis/cli.ts with esbuild (in memory, no files written), imports it from a data: URL and runs it
// with the real file system. Node 20 cannot run TypeScript itself; bundling takes well under a second.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

const bundle = await build({
  absWorkingDir: root,
  stdin: {
    contents: "export { runCli } from './shared/analysis/cli';",
    resolveDir: root,
    loader: 'ts',
    sourcefile: 'analyze-entry.ts',
  },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  write: false,
  logLevel: 'error',
});
const code = bundle.outputFiles[0].text;
const { runCli } = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);

// npm runs scripts from the package root; resolve the user's paths against where they typed the command.
const cwd = process.env.INIT_CWD ?? process.cwd();
const result = runCli(process.argv.slice(2), (path) => readFileSync(resolve(cwd, path), 'utf8'));
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
process.exitCode = result.exitCode;
