import { describe, expect, it } from 'vitest';
import {
  changePassphrase,
  createKeyring,
  unlockWithPassphrase,
  unlockWithRecoveryCode,
} from '../../../shared/encryption/keyring';
import { openJson, sealJson } from '../../../shared/encryption/records';
import { encodeRecoveryCode, parseRecoveryCode } from '../../../shared/encryption/recovery';
import { fromBase64, toBase64 } from '../../../shared/encryption/webcrypto';
import { PBKDF2_ITERATIONS } from '../../../shared/encryption/keys';
import {
  decryptDocumentText,
  encryptDocumentText,
  isEncryptedFile,
  parseEncryptedFile,
} from '../../../shared/encryption/encryptedExport';

/** Few iterations keep these tests fast; one test below runs the real 600,000. */
const FAST = 1_000;
const address = { table: 'workflows', id: 'wf-1' };

describe('keyring', () => {
  it('opens with the right passphrase and refuses a wrong one by name', async () => {
    const { keyring, dataKey } = await createKeyring('correct horse battery', { iterations: FAST });
    const sealed = await sealJson(dataKey, { name: 'Payroll' }, address);
    const again = await unlockWithPassphrase(keyring, 'correct horse battery');
    expect(await openJson(again, sealed, address)).toEqual({ name: 'Payroll' });
    await expect(unlockWithPassphrase(keyring, 'wrong horse battery')).rejects.toThrow(
      'The passphrase is wrong: it does not open this workspace’s key.',
    );
  });

  it('uses 600,000 PBKDF2 iterations by default and records them in the keyring', async () => {
    const { keyring } = await createKeyring('a real passphrase');
    expect(keyring.kdf).toMatchObject({ name: 'PBKDF2', hash: 'SHA-256', iterations: PBKDF2_ITERATIONS });
    expect(PBKDF2_ITERATIONS).toBe(600_000);
    await expect(unlockWithPassphrase(keyring, 'a real passphrase')).resolves.toBeDefined();
  });

  it('opens with the recovery code, typed loosely, and refuses another code', async () => {
    const { keyring, dataKey, recoveryCode } = await createKeyring('passphrase one', { iterations: FAST });
    const sealed = await sealJson(dataKey, [1, 2, 3], address);
    const typed = ` ${recoveryCode.toLowerCase().replace(/-/g, ' ')} `;
    expect(await openJson(await unlockWithRecoveryCode(keyring, typed), sealed, address)).toEqual([1, 2, 3]);
    const other = encodeRecoveryCode(new Uint8Array(20));
    await expect(unlockWithRecoveryCode(keyring, other)).rejects.toThrow('The recovery code is wrong');
  });

  it('changing the passphrase re-wraps the same data key: old data opens, the old passphrase does not', async () => {
    const { keyring, dataKey, recoveryCode } = await createKeyring('old passphrase', { iterations: FAST });
    const sealed = await sealJson(dataKey, { cost: 42 }, address);
    const changed = await changePassphrase(keyring, dataKey, 'new passphrase');
    expect(changed.kdf.salt).not.toBe(keyring.kdf.salt);
    expect(changed.recovery).toEqual(keyring.recovery);
    expect(await openJson(await unlockWithPassphrase(changed, 'new passphrase'), sealed, address)).toEqual({
      cost: 42,
    });
    await expect(unlockWithPassphrase(changed, 'old passphrase')).rejects.toThrow('passphrase is wrong');
    await expect(unlockWithRecoveryCode(changed, recoveryCode)).resolves.toBeDefined();
  });
});

describe('sealed records', () => {
  it('names a tampered ciphertext by its AES-GCM failure', async () => {
    const { dataKey } = await createKeyring('passphrase x', { iterations: FAST });
    const sealed = await sealJson(dataKey, { name: 'Alice' }, address);
    const flipped = new Uint8Array(sealed.data);
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    await expect(openJson(dataKey, { ...sealed, data: flipped }, address)).rejects.toThrow(
      'AES-GCM authentication failed for workflows record wf-1: the ciphertext was altered or belongs elsewhere.',
    );
  });

  it('refuses a ciphertext moved onto another record id or table (bound as additional data)', async () => {
    const { dataKey } = await createKeyring('passphrase x', { iterations: FAST });
    const sealed = await sealJson(dataKey, { name: 'Alice' }, address);
    await expect(openJson(dataKey, sealed, { table: 'workflows', id: 'wf-2' })).rejects.toThrow(
      'AES-GCM authentication failed for workflows record wf-2',
    );
    await expect(openJson(dataKey, sealed, { table: 'roles', id: 'wf-1' })).rejects.toThrow('AES-GCM');
  });

  it('never repeats an IV over many encryptions of the same value', async () => {
    const { dataKey } = await createKeyring('passphrase x', { iterations: FAST });
    const ivs = new Set<string>();
    const count = 5_000;
    for (let i = 0; i < count; i++) {
      const sealed = await sealJson(dataKey, 'same', address);
      expect(sealed.iv.length).toBe(12);
      ivs.add(toBase64(sealed.iv));
    }
    expect(ivs.size).toBe(count);
  });
});

describe('recovery code format', () => {
  it('writes 20 bytes as 32 Crockford base32 characters in groups of four and reads them back', () => {
    const bytes = Uint8Array.from({ length: 20 }, (_, i) => i * 13);
    const code = encodeRecoveryCode(bytes);
    expect(code).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}$/);
    const parsed = parseRecoveryCode(code);
    expect(parsed.ok && [...parsed.bytes]).toEqual([...bytes]);
    expect(encodeRecoveryCode(new Uint8Array(20).fill(255))).toBe('ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ');
  });

  it('says what is wrong with a mistyped code', () => {
    expect(parseRecoveryCode('ABCD-U')).toEqual({ ok: false, message: 'A recovery code has no “U”.' });
    expect(parseRecoveryCode('ABCD')).toEqual({
      ok: false,
      message: 'A recovery code has 32 characters; this has 4.',
    });
  });
});

describe('base64', () => {
  it('round-trips every length and matches the standard encoding', () => {
    expect(toBase64(new TextEncoder().encode('Man'))).toBe('TWFu');
    expect(toBase64(new TextEncoder().encode('Ma'))).toBe('TWE=');
    expect(toBase64(new TextEncoder().encode('M'))).toBe('TQ==');
    for (let n = 0; n < 20; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) & 255);
      expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
      expect([...fromBase64(toBase64(bytes))]).toEqual([...bytes]);
    }
  });
});

describe('encrypted workspace file', () => {
  it('carries its KDF parameters in a clear header and opens only with the passphrase', async () => {
    const text = await encryptDocumentText('{"format":"coarchitect.workspace"}', 'export secret', FAST);
    const file = parseEncryptedFile(text);
    expect(file).toMatchObject({
      format: 'coarchitect.workspace.encrypted',
      version: 1,
      kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: FAST },
      cipher: { name: 'AES-GCM', length: 256 },
    });
    expect(text).not.toContain('coarchitect.workspace"');
    expect(isEncryptedFile(text)).toBe(true);
    expect(
      isEncryptedFile('{"format":"coarchitect.workspace","name":"coarchitect.workspace.encrypted"}'),
    ).toBe(false);
    expect(await decryptDocumentText(text, 'export secret')).toBe('{"format":"coarchitect.workspace"}');
    await expect(decryptDocumentText(text, 'guess')).rejects.toThrow('The passphrase is wrong');
    // A header changed to fewer iterations does not open differently: it does not open.
    const weakened = JSON.stringify({ ...file, kdf: { ...file.kdf, iterations: 1 } });
    await expect(decryptDocumentText(weakened, 'export secret')).rejects.toThrow('The passphrase is wrong');
  });
});
