// `npm run security`: scans the desktop app with Doyensec's Electronegativity (the Electron security
// checklist as static checks) and fails on every finding above INFORMATIONAL that security/electronegativity.json
// does not justify, check by check, with a reason. Run after `npm run build`: the built index.html carries the
// Content-Security-Policy the scan checks.
//
// What is scanned: the main-process and preload sources (electron/*.ts: Electronegativity reads TypeScript, and
// in esbuild's bundle it would no longer recognise `new BrowserWindow({...})`) and dist/renderer/index.html.
// The renderer's React code holds no Electron API (lint forbids it), so it is not scanned.
//
// Electronegativity fetches translations and Electron's release list from the internet on every run. Both
// requests are answered here with an immediate "offline" (its HTTP client is replaced before it loads), so the
// scan is the same on a machine without network and sends nothing anywhere; the one check that needs the
// release list is excluded in the config, with its reason.
import { existsSync, mkdtempSync, readFileSync, readdirSync, copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const configPath = path.join(root, 'security', 'electronegativity.json');
const SEVERITY_ORDER = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH'];

function fail(message) {
  console.error(message);
  process.exit(1);
}

function loadConfig() {
  const config = JSON.parse(readFileSync(configPath, 'utf8'));
  const sections = { excludedChecks: config.excludedChecks ?? {}, justified: config.justified ?? {} };
  const strict = config.failEvenWhenInformational ?? [];
  if (!Array.isArray(strict) || !strict.every((check) => typeof check === 'string')) {
    fail(`${path.relative(root, configPath)}: failEvenWhenInformational must be a list of check ids.`);
  }
  for (const [section, entries] of Object.entries(sections)) {
    for (const [check, entry] of Object.entries(entries)) {
      const reason = typeof entry === 'string' ? entry : entry?.reason;
      if (typeof reason !== 'string' || reason.trim().length < 20) {
        fail(`${path.relative(root, configPath)}: ${section}.${check} needs a reason (a sentence or more).`);
      }
    }
  }
  return { ...sections, strict: new Set(strict) };
}

/** Electronegativity's HTTP client (got), answered with an immediate failure: no request leaves the machine. */
function keepOffline(runnerPath) {
  const gotPath = createRequire(runnerPath).resolve('got');
  const offline = () =>
    Promise.reject(new Error('offline: security-scan.mjs does not let Electronegativity reach the network'));
  offline.default = offline;
  offline.__esModule = true;
  require.cache[gotPath] = {
    id: gotPath,
    filename: gotPath,
    loaded: true,
    exports: offline,
    children: [],
    paths: [],
  };
}

/** A folder holding exactly what is scanned, with paths the report can show relative to the project. */
function stage() {
  const builtHtml = path.join(root, 'dist', 'renderer', 'index.html');
  if (!existsSync(builtHtml))
    fail('dist/renderer/index.html is missing: run `npm run build` before the security scan.');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'coarchitect-security-'));
  mkdirSync(path.join(dir, 'electron'));
  for (const name of readdirSync(path.join(root, 'electron'))) {
    if (name.endsWith('.ts'))
      copyFileSync(path.join(root, 'electron', name), path.join(dir, 'electron', name));
  }
  mkdirSync(path.join(dir, 'dist', 'renderer'), { recursive: true });
  copyFileSync(builtHtml, path.join(dir, 'dist', 'renderer', 'index.html'));
  return dir;
}

const { excludedChecks, justified, strict } = loadConfig();
const runnerPath = require.resolve('@doyensec/electronegativity');
const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
keepOffline(runnerPath);
process.env.LANG = 'en-US';

const dir = stage();
const quietLog = console.log;
let result;
try {
  // It prints "Could not retrieve updated translations…" for the stubbed request; that is expected here.
  console.log = (...args) => {
    if (!String(args[0]).startsWith('Could not retrieve updated translations')) quietLog(...args);
  };
  const run = require(runnerPath);
  result = await run({
    input: dir,
    electronVersionOverride: electronVersion,
    excludeFromScan: Object.keys(excludedChecks),
    isRelative: true,
  });
} finally {
  console.log = quietLog;
  rmSync(dir, { recursive: true, force: true });
}

const parseErrors = result.errors.filter((error) => !error.tolerable);
const findings = result.issues.map((issue) => ({
  check: issue.id,
  severity: issue.severity.name,
  confidence: issue.confidence.name,
  file: issue.file === 'N/A' ? 'N/A' : path.relative(dir, path.resolve(dir, issue.file)),
  line: issue.location.line,
  description: issue.description,
}));
const aboveInformational = findings.filter(
  (f) => SEVERITY_ORDER.indexOf(f.severity) > 0 || strict.has(f.check),
);
const isJustified = (finding) => {
  const entry = justified[finding.check];
  if (!entry) return false;
  const files = typeof entry === 'object' && Array.isArray(entry.files) ? entry.files : null;
  return !files || files.includes(finding.file);
};
const unjustified = aboveInformational.filter((f) => !isJustified(f));
const stale = Object.keys(justified).filter((check) => !findings.some((f) => f.check === check));

console.log(
  `Electronegativity ${require(path.join(path.dirname(runnerPath), '..', 'package.json')).version}: ` +
    `${result.atomicChecks + result.globalChecks} checks for Electron ${electronVersion}, ` +
    `${findings.length} finding(s), ${aboveInformational.length - unjustified.length} justified in ` +
    `${path.relative(root, configPath)}, ${Object.keys(excludedChecks).length} check(s) excluded.`,
);
for (const f of findings.filter(isJustified)) {
  console.log(`  justified  ${f.check} (${f.severity}) ${f.file}:${f.line}`);
}
for (const f of findings.filter((f) => !aboveInformational.includes(f))) {
  console.log(`  info       ${f.check} ${f.file}:${f.line} — ${f.description}`);
}
for (const check of stale) {
  console.warn(`  note: ${check} is justified in the config but no longer found; remove its entry.`);
}
for (const error of parseErrors)
  console.error(`  could not parse ${path.relative(dir, error.file)}: ${error.message}`);
for (const f of unjustified) {
  console.error(
    `  FINDING    ${f.check} (${f.severity}, ${f.confidence}) ${f.file}:${f.line} — ${f.description}`,
  );
}
if (parseErrors.length > 0 || unjustified.length > 0) {
  fail(
    `Security scan failed: ${unjustified.length} unjustified finding(s), ${parseErrors.length} file(s) not parsed. ` +
      `Fix them, or justify a check in ${path.relative(root, configPath)} with its reason.`,
  );
}
console.log('Security scan passed.');
