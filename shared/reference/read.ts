/**
 * Reading and writing reference packs. Every refusal says why in words a user can act on; a refused pack is
 * never half-read. Checks run cheapest first: size, gzip, JSON, format, version, licence, then the schema.
 */
import { gunzipSync, gzipSync, strFromU8, strToU8 } from 'fflate';
import { formatMegabytes } from '../ipc';
import { MAX_PACK_BYTES, PACK_FORMAT, PACK_VERSION, ReferencePackSchema, type ReferencePack } from './pack';

export type PackReadResult = { ok: true; pack: ReferencePack } | { ok: false; reason: string };

const refuse = (reason: string): PackReadResult => ({ ok: false, reason });

export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** The unpacked size a gzip stream declares in its last four bytes (modulo 4 GiB, as gzip stores it). */
function declaredSize(bytes: Uint8Array): number {
  const n = bytes.length;
  return (
    ((bytes[n - 4] ?? 0) | ((bytes[n - 3] ?? 0) << 8) | ((bytes[n - 2] ?? 0) << 16)) +
    (bytes[n - 1] ?? 0) * 0x1000000
  );
}

const tooBig = (what: string, bytes: number) =>
  `The reference pack is too large (${formatMegabytes(bytes)}${what}); the limit is ${formatMegabytes(MAX_PACK_BYTES)}.`;

export function readPack(bytes: Uint8Array): PackReadResult {
  if (bytes.length > MAX_PACK_BYTES) return refuse(tooBig('', bytes.length));
  if (!isGzip(bytes)) return refuse('This is not a reference pack: a pack is a gzip file, this file is not.');
  if (declaredSize(bytes) > MAX_PACK_BYTES) return refuse(tooBig(' unpacked', declaredSize(bytes)));
  let text: string;
  try {
    const raw = gunzipSync(bytes);
    if (raw.length > MAX_PACK_BYTES) return refuse(tooBig(' unpacked', raw.length));
    text = strFromU8(raw);
  } catch (error) {
    return refuse(
      `The reference pack could not be unpacked (${error instanceof Error ? error.message : 'damaged gzip'}).`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return refuse('The reference pack is damaged: its content is not valid JSON.');
  }
  return checkPack(json);
}

/** Validates an already unpacked pack object. */
export function checkPack(json: unknown): PackReadResult {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return refuse('This is not a reference pack: its content is not an object.');
  }
  const record = json as Record<string, unknown>;
  if (record.format !== PACK_FORMAT) {
    return refuse(
      `This is not a Coarchitect reference pack: its format is ${describe(record.format)}, expected "${PACK_FORMAT}".`,
    );
  }
  if (record.version !== PACK_VERSION) {
    return refuse(
      `This reference pack has version ${describe(record.version)}; this version of Coarchitect reads version ${PACK_VERSION} only.`,
    );
  }
  if (record.licence === undefined || record.licence === null) {
    return refuse(
      'This reference pack has no licence block: its data cannot be shown without the attribution its licence asks for.',
    );
  }
  const parsed = ReferencePackSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
    return refuse(`The reference pack is malformed${where}: ${issue?.message ?? 'unknown problem'}.`);
  }
  return { ok: true, pack: parsed.data };
}

function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** The gzipped bytes of a pack (the build script and the TSV import store packs this way). */
export function encodePack(pack: ReferencePack): Uint8Array {
  return gzipSync(strToU8(JSON.stringify(pack)), { level: 9, mtime: 0 });
}
