/**
 * The slice of Web Crypto that shared/ uses. It exists in browsers, Web Workers and Node 20+ as
 * `globalThis.crypto`; shared/ has no DOM types, so the few signatures it needs are declared here.
 */

/** A CryptoKey held by WebCrypto; its bytes are never visible to this code unless it is wrapped. */
export interface KeyHandle {
  readonly type: string;
  readonly extractable: boolean;
  readonly algorithm: unknown;
  readonly usages: readonly string[];
}

type Bytes = Uint8Array<ArrayBuffer>;

interface Subtle {
  importKey(
    format: 'raw',
    data: Bytes,
    algorithm: object | string,
    extractable: boolean,
    usages: string[],
  ): Promise<KeyHandle>;
  deriveKey(
    algorithm: object,
    base: KeyHandle,
    derived: object,
    extractable: boolean,
    usages: string[],
  ): Promise<KeyHandle>;
  generateKey(algorithm: object, extractable: boolean, usages: string[]): Promise<KeyHandle>;
  wrapKey(format: 'raw', key: KeyHandle, wrapping: KeyHandle, algorithm: object): Promise<ArrayBuffer>;
  unwrapKey(
    format: 'raw',
    wrapped: Bytes,
    unwrapping: KeyHandle,
    unwrapAlgorithm: object,
    keyAlgorithm: object,
    extractable: boolean,
    usages: string[],
  ): Promise<KeyHandle>;
  encrypt(algorithm: object, key: KeyHandle, data: Bytes): Promise<ArrayBuffer>;
  decrypt(algorithm: object, key: KeyHandle, data: Bytes): Promise<ArrayBuffer>;
}

interface WebCrypto {
  subtle: Subtle;
  getRandomValues<T extends Uint8Array>(array: T): T;
}

interface TextCodecs {
  TextEncoder: new () => { encode(text: string): Bytes };
  TextDecoder: new (label?: string, options?: { fatal?: boolean }) => { decode(bytes: Uint8Array): string };
}

const web = globalThis as unknown as { crypto: WebCrypto } & TextCodecs;

export const subtle = (): Subtle => web.crypto.subtle;

export function randomBytes(length: number): Bytes {
  return web.crypto.getRandomValues(new Uint8Array(length));
}

export function utf8(text: string): Bytes {
  return new web.TextEncoder().encode(text);
}

export function fromUtf8(bytes: Uint8Array): string {
  return new web.TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 without Buffer or btoa (neither is in shared/'s types); for keys and headers, not bulk data. */
export function toBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] ?? 0;
    const b = bytes[i + 1] ?? 0;
    const c = bytes[i + 2] ?? 0;
    const n = (a << 16) | (b << 8) | c;
    out += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]!;
    out += i + 1 < bytes.length ? B64[(n >> 6) & 63]! : '=';
    out += i + 2 < bytes.length ? B64[n & 63]! : '=';
  }
  return out;
}

export function fromBase64(text: string): Bytes {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) throw new Error('Not valid base64');
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - padding);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    const n =
      (B64.indexOf(text[i]!) << 18) |
      (B64.indexOf(text[i + 1]!) << 12) |
      ((Math.max(0, B64.indexOf(text[i + 2]!)) & 63) << 6) |
      (Math.max(0, B64.indexOf(text[i + 3]!)) & 63);
    if (o < out.length) out[o++] = (n >> 16) & 255;
    if (o < out.length) out[o++] = (n >> 8) & 255;
    if (o < out.length) out[o++] = n & 255;
  }
  return out;
}
