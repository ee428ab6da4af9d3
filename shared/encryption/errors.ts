/** Errors a person can act on: each says which secret or record failed and why. */

/** The passphrase (or recovery code) did not open the data key: AES-GCM refused the wrapped key. */
export class WrongSecretError extends Error {
  constructor(what: 'passphrase' | 'recovery code') {
    super(`The ${what} is wrong: it does not open this workspace’s key.`);
    this.name = 'WrongSecretError';
  }
}

/**
 * A sealed record failed AES-GCM authentication: its ciphertext, IV, or the table and id it is bound to
 * were changed after it was written (or it was sealed with another key).
 */
export class TamperedRecordError extends Error {
  constructor(where: string) {
    super(`AES-GCM authentication failed for ${where}: the ciphertext was altered or belongs elsewhere.`);
    this.name = 'TamperedRecordError';
  }
}
