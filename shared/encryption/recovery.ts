/**
 * Recovery codes: 160 random bits written in Crockford base32 (no I, L, O, U), in groups of four so a
 * person can copy them onto paper. Reading is forgiving: case, spaces, dashes, and O/I/L read as 0/1/1.
 */
import { randomBytes } from './webcrypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const RECOVERY_BYTES = 20;
/** 160 bits is exactly 32 base32 characters. */
const RECOVERY_CHARS = (RECOVERY_BYTES * 8) / 5;

export function encodeRecoveryCode(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31]!;
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31]!;
  return out.match(/.{1,4}/g)!.join('-');
}

export function newRecoveryCode(): { code: string; bytes: Uint8Array<ArrayBuffer> } {
  const bytes = randomBytes(RECOVERY_BYTES);
  return { code: encodeRecoveryCode(bytes), bytes };
}

/** The code's bytes, or an error message saying what is wrong with what was typed. */
export function parseRecoveryCode(
  typed: string,
): { ok: true; bytes: Uint8Array<ArrayBuffer> } | { ok: false; message: string } {
  const clean = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  const bad = [...clean].find((c) => !ALPHABET.includes(c));
  if (bad !== undefined) return { ok: false, message: `A recovery code has no “${bad}”.` };
  if (clean.length !== RECOVERY_CHARS)
    return {
      ok: false,
      message: `A recovery code has ${RECOVERY_CHARS} characters; this has ${clean.length}.`,
    };
  const bytes = new Uint8Array(RECOVERY_BYTES);
  let bits = 0;
  let value = 0;
  let o = 0;
  for (const c of clean) {
    value = ((value << 5) | ALPHABET.indexOf(c)) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bytes[o++] = (value >>> (bits - 8)) & 255;
      bits -= 8;
    }
  }
  return { ok: true, bytes };
}
