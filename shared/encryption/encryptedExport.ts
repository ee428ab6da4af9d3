/**
 * The encrypted workspace file (`coarchitect.workspace.encrypted`): a clear JSON header with everything
 * needed to derive the key again (KDF name, hash, iterations, salt) and the IV, then the workspace
 * document sealed with AES-256-GCM. The header is the additional data, so changing a parameter in it
 * makes the file fail to open rather than open differently.
 */
import { z } from 'zod';
import { WrongSecretError } from './errors';
import { IV_BYTES, PBKDF2_ITERATIONS } from './keys';
import { Pbkdf2ParamsSchema, kekFromPassphrase, newKdfParams, type Pbkdf2Params } from './keyring';
import { fromBase64, fromUtf8, randomBytes, subtle, toBase64, utf8 } from './webcrypto';

export const ENCRYPTED_WORKSPACE_FORMAT = 'coarchitect.workspace.encrypted';
export const ENCRYPTED_FILE_EXTENSION = '.coarchitect.encrypted.json';

export const EncryptedHeaderSchema = z.object({
  format: z.literal(ENCRYPTED_WORKSPACE_FORMAT),
  version: z.literal(1, { error: 'this app reads encrypted files of version 1 only' }),
  kdf: Pbkdf2ParamsSchema,
  cipher: z.object({ name: z.literal('AES-GCM'), length: z.literal(256), iv: z.string().min(1) }),
});
export type EncryptedHeader = z.infer<typeof EncryptedHeaderSchema>;

export const EncryptedFileSchema = EncryptedHeaderSchema.extend({ ciphertext: z.string() });
export type EncryptedFile = z.infer<typeof EncryptedFileSchema>;

const aadOf = (header: EncryptedHeader) =>
  utf8(JSON.stringify([header.format, header.version, header.kdf, header.cipher]));

/** Seals a document's text with a key derived from `passphrase` under a fresh salt and IV. */
export async function encryptDocumentText(
  text: string,
  passphrase: string,
  iterations = PBKDF2_ITERATIONS,
): Promise<string> {
  const kdf: Pbkdf2Params = newKdfParams(iterations);
  const iv = randomBytes(IV_BYTES);
  const header: EncryptedHeader = {
    format: ENCRYPTED_WORKSPACE_FORMAT,
    version: 1,
    kdf,
    cipher: { name: 'AES-GCM', length: 256, iv: toBase64(iv) },
  };
  const key = await kekFromPassphrase(passphrase, kdf);
  const sealed = await subtle().encrypt(
    { name: 'AES-GCM', iv, additionalData: aadOf(header) },
    key,
    utf8(text),
  );
  const file: EncryptedFile = { ...header, ciphertext: toBase64(new Uint8Array(sealed)) };
  return JSON.stringify(file, null, 2);
}

/** True when the text is an encrypted workspace (its first key names the format), so import asks for a passphrase. */
export function isEncryptedFile(text: string): boolean {
  return /^\uFEFF?\s*\{\s*"format"\s*:\s*"coarchitect\.workspace\.encrypted"/.test(text.slice(0, 200));
}

export function parseEncryptedFile(text: string): EncryptedFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error('The encrypted file is not valid JSON.');
  }
  const parsed = EncryptedFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `The encrypted file’s header is invalid at ${issue?.path.join('.') || 'top'}: ${issue?.message}`,
    );
  }
  return parsed.data;
}

/** The document text inside, or WrongSecretError (a wrong passphrase and a changed file look alike to GCM). */
export async function decryptDocumentText(text: string, passphrase: string): Promise<string> {
  const file = parseEncryptedFile(text);
  const key = await kekFromPassphrase(passphrase, file.kdf);
  let plain: ArrayBuffer;
  try {
    plain = await subtle().decrypt(
      { name: 'AES-GCM', iv: fromBase64(file.cipher.iv), additionalData: aadOf(file) },
      key,
      fromBase64(file.ciphertext),
    );
  } catch {
    throw new WrongSecretError('passphrase');
  }
  return fromUtf8(new Uint8Array(plain));
}
