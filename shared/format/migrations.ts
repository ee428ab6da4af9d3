/**
 * Upgrades documents written by older versions of Coarchitect, one version at a time. The list is
 * append-only: migration n turns a version-n document into a version-(n+1) one. Version 1 is the first
 * public format, so there is nothing to upgrade yet; the runner is in place so the first change of format
 * is a one-line addition with its own test.
 */
import { FORMAT_VERSION } from './document';

export type JsonObject = { [key: string]: unknown };
export type Migration = (doc: JsonObject) => JsonObject;

/** Index i upgrades version i + 1 to version i + 2. */
export const MIGRATIONS: readonly Migration[] = [];

export class UnsupportedVersionError extends Error {}

export function migrateDocument(
  doc: JsonObject,
  migrations: readonly Migration[] = MIGRATIONS,
  target = FORMAT_VERSION,
): JsonObject {
  const version = doc.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new UnsupportedVersionError(
      `The file has no valid format version (found ${JSON.stringify(version)}).`,
    );
  }
  if (version > target) {
    throw new UnsupportedVersionError(
      `The file was written by a newer Coarchitect (format version ${version}); this app reads versions up to ${target}. Update Coarchitect to open it.`,
    );
  }
  let current = doc;
  for (let v = version; v < target; v++) {
    const migrate = migrations[v - 1];
    if (!migrate)
      throw new UnsupportedVersionError(`No upgrade is known from format version ${v} to ${v + 1}.`);
    current = { ...migrate(current), version: v + 1 };
  }
  return current;
}
