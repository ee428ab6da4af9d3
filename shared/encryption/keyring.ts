/**
 * The stored key material of an encrypted workspace (one row, Dexie table `keyring`) and the operations on
 * it: create, unlock by passphrase or recovery code, change the passphrase. The row holds only salts, KDF
 * parameters and wrapped keys: nothing in it opens the data without the passphrase or the recovery code.
 */
import { z } from 'zod';
import {
  PBKDF2_ITERATIONS,
  SALT_BYTES,
  deriveFromPassphrase,
  deriveFromRecoveryBytes,
  generateDataKey,
  unwrapDataKey,
  wrapDataKey,
  type Wrapped,
} from './keys';
import { newRecoveryCode, parseRecoveryCode } from './recovery';
import { fromBase64, randomBytes, toBase64, type KeyHandle } from './webcrypto';

const Base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64');

export const Pbkdf2ParamsSchema = z.object({
  name: z.literal('PBKDF2'),
  hash: z.literal('SHA-256'),
  iterations: z.number().int().min(1).max(10_000_000),
  salt: Base64,
});
export type Pbkdf2Params = z.infer<typeof Pbkdf2ParamsSchema>;

const WrappedSchema = z.object({ iv: Base64, wrapped: Base64 });

export const KEYRING_ID = 'workspace';
export const KEYRING_FORMAT = 1;
/** Minutes without input before the workspace locks; 0 never locks. */
export const DEFAULT_IDLE_LOCK_MINUTES = 15;

export const KeyringSchema = z.object({
  id: z.literal(KEYRING_ID),
  format: z.literal(KEYRING_FORMAT, { error: `keyring format must be ${KEYRING_FORMAT}` }),
  kdf: Pbkdf2ParamsSchema,
  passphrase: WrappedSchema,
  recovery: z
    .object({ name: z.literal('HKDF'), hash: z.literal('SHA-256'), salt: Base64 })
    .extend(WrappedSchema.shape),
  idleLockMinutes: z
    .number()
    .min(0)
    .max(24 * 60),
  createdAt: z.iso.datetime({ offset: true }),
});
export type Keyring = z.infer<typeof KeyringSchema>;

const encodeWrap = (w: Wrapped) => ({ iv: toBase64(w.iv), wrapped: toBase64(w.wrapped) });
const decodeWrap = (w: { iv: string; wrapped: string }): Wrapped => ({
  iv: fromBase64(w.iv),
  wrapped: fromBase64(w.wrapped),
});

export function newKdfParams(iterations = PBKDF2_ITERATIONS): Pbkdf2Params {
  return { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: toBase64(randomBytes(SALT_BYTES)) };
}

export function kekFromPassphrase(passphrase: string, kdf: Pbkdf2Params): Promise<KeyHandle> {
  return deriveFromPassphrase(passphrase, fromBase64(kdf.salt), kdf.iterations);
}

export interface NewKeyring {
  keyring: Keyring;
  dataKey: KeyHandle;
  /** Shown once, never stored. */
  recoveryCode: string;
}

export async function createKeyring(
  passphrase: string,
  options: { iterations?: number; idleLockMinutes?: number; now?: Date } = {},
): Promise<NewKeyring> {
  const kdf = newKdfParams(options.iterations);
  const dataKey = await generateDataKey();
  const { code, bytes } = newRecoveryCode();
  const recoverySalt = randomBytes(SALT_BYTES);
  const [byPassphrase, byRecovery] = await Promise.all([
    kekFromPassphrase(passphrase, kdf).then((kek) => wrapDataKey(dataKey, kek)),
    deriveFromRecoveryBytes(bytes, recoverySalt).then((kek) => wrapDataKey(dataKey, kek)),
  ]);
  const keyring: Keyring = {
    id: KEYRING_ID,
    format: KEYRING_FORMAT,
    kdf,
    passphrase: encodeWrap(byPassphrase),
    recovery: { name: 'HKDF', hash: 'SHA-256', salt: toBase64(recoverySalt), ...encodeWrap(byRecovery) },
    idleLockMinutes: options.idleLockMinutes ?? DEFAULT_IDLE_LOCK_MINUTES,
    createdAt: (options.now ?? new Date()).toISOString(),
  };
  return { keyring, dataKey, recoveryCode: code };
}

export async function unlockWithPassphrase(keyring: Keyring, passphrase: string): Promise<KeyHandle> {
  const kek = await kekFromPassphrase(passphrase, keyring.kdf);
  return unwrapDataKey(decodeWrap(keyring.passphrase), kek, 'passphrase');
}

export async function unlockWithRecoveryCode(keyring: Keyring, typed: string): Promise<KeyHandle> {
  const parsed = parseRecoveryCode(typed);
  if (!parsed.ok) throw new Error(parsed.message);
  const kek = await deriveFromRecoveryBytes(parsed.bytes, fromBase64(keyring.recovery.salt));
  return unwrapDataKey(decodeWrap(keyring.recovery), kek, 'recovery code');
}

/** A new salt and passphrase wrap for the same data key: no record is rewritten, the recovery code still opens. */
export async function changePassphrase(
  keyring: Keyring,
  dataKey: KeyHandle,
  newPassphrase: string,
  iterations = keyring.kdf.iterations,
): Promise<Keyring> {
  const kdf = newKdfParams(iterations);
  const wrap = await wrapDataKey(dataKey, await kekFromPassphrase(newPassphrase, kdf));
  return { ...keyring, kdf, passphrase: encodeWrap(wrap) };
}
