/**
 * Sealing JSON values with the data key: AES-256-GCM, a fresh random 96-bit IV per seal, and the table
 * and record id as additional data, so a ciphertext copied onto another record fails to open.
 */
import { TamperedRecordError } from './errors';
import { IV_BYTES } from './keys';
import { fromUtf8, randomBytes, subtle, utf8, type KeyHandle } from './webcrypto';

export interface Sealed {
  /** Envelope format, so a later scheme can be told apart. */
  v: 1;
  iv: Uint8Array<ArrayBuffer>;
  data: Uint8Array<ArrayBuffer>;
}

export interface RecordAddress {
  table: string;
  id: string;
}

const aadOf = ({ table, id }: RecordAddress) => utf8(`coarchitect:${table}:${id}`);

export async function sealJson(key: KeyHandle, value: unknown, address: RecordAddress): Promise<Sealed> {
  const iv = randomBytes(IV_BYTES);
  const data = await subtle().encrypt(
    { name: 'AES-GCM', iv, additionalData: aadOf(address) },
    key,
    utf8(JSON.stringify(value)),
  );
  return { v: 1, iv, data: new Uint8Array(data) };
}

export async function openJson(key: KeyHandle, sealed: Sealed, address: RecordAddress): Promise<unknown> {
  let plain: ArrayBuffer;
  try {
    plain = await subtle().decrypt(
      { name: 'AES-GCM', iv: new Uint8Array(sealed.iv), additionalData: aadOf(address) },
      key,
      new Uint8Array(sealed.data),
    );
  } catch {
    throw new TamperedRecordError(`${address.table} record ${address.id}`);
  }
  return JSON.parse(fromUtf8(new Uint8Array(plain))) as unknown;
}

export function isSealed(value: unknown): value is Sealed {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<Sealed>;
  // isView rather than instanceof: rows read in another realm (a worker, jsdom) carry their own Uint8Array.
  return v.v === 1 && ArrayBuffer.isView(v.iv) && ArrayBuffer.isView(v.data);
}
