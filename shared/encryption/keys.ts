/**
 * Key hierarchy: a passphrase (PBKDF2-SHA-256) or a recovery code (HKDF-SHA-256) gives a key-encryption
 * key, which wraps one random AES-256-GCM data key. Records are sealed with the data key only, so changing
 * the passphrase re-wraps 32 bytes and never touches the records.
 */
import { WrongSecretError } from './errors';
import { randomBytes, subtle, utf8, type KeyHandle } from './webcrypto';

/** OWASP's 2023 figure for PBKDF2-HMAC-SHA-256. Tests may pass fewer; the stored header says how many. */
export const PBKDF2_ITERATIONS = 600_000;
export const SALT_BYTES = 16;
/** 96 bits: the IV size AES-GCM is specified for. */
export const IV_BYTES = 12;

/** Binds a wrapped key to its purpose, so a wrapped data key cannot be passed off as anything else. */
const WRAP_AAD = utf8('coarchitect:data-key:v1');

export interface Wrapped {
  iv: Uint8Array<ArrayBuffer>;
  wrapped: Uint8Array<ArrayBuffer>;
}

export async function deriveFromPassphrase(
  passphrase: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
): Promise<KeyHandle> {
  if (!Number.isInteger(iterations) || iterations < 1)
    throw new Error(`PBKDF2 iterations must be ≥ 1, got ${iterations}`);
  const base = await subtle().importKey('raw', utf8(passphrase.normalize('NFC')), 'PBKDF2', false, [
    'deriveKey',
  ]);
  return subtle().deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['wrapKey', 'unwrapKey', 'encrypt', 'decrypt'],
  );
}

/** The recovery code carries 160 random bits, so one HKDF step is as strong as any stretching. */
export async function deriveFromRecoveryBytes(
  code: Uint8Array<ArrayBuffer>,
  salt: Uint8Array<ArrayBuffer>,
): Promise<KeyHandle> {
  const base = await subtle().importKey('raw', code, 'HKDF', false, ['deriveKey']);
  return subtle().deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt, info: utf8('coarchitect:recovery:v1') },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['wrapKey', 'unwrapKey'],
  );
}

/** Extractable only so it can be wrapped again (new passphrase, new recovery code). */
export function generateDataKey(): Promise<KeyHandle> {
  return subtle().generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
}

export async function wrapDataKey(dataKey: KeyHandle, kek: KeyHandle): Promise<Wrapped> {
  const iv = randomBytes(IV_BYTES);
  const wrapped = await subtle().wrapKey('raw', dataKey, kek, {
    name: 'AES-GCM',
    iv,
    additionalData: WRAP_AAD,
  });
  return { iv, wrapped: new Uint8Array(wrapped) };
}

export async function unwrapDataKey(
  wrap: Wrapped,
  kek: KeyHandle,
  secret: 'passphrase' | 'recovery code',
): Promise<KeyHandle> {
  try {
    return await subtle().unwrapKey(
      'raw',
      wrap.wrapped,
      kek,
      { name: 'AES-GCM', iv: wrap.iv, additionalData: WRAP_AAD },
      { name: 'AES-GCM', length: 256 },
      true,
      ['encrypt', 'decrypt'],
    );
  } catch {
    // WebCrypto says only "OperationError": the tag did not match, which here means the wrong secret.
    throw new WrongSecretError(secret);
  }
}
