/** The co-design record: profile, threads and decisions, versions with a hash chain, sign-off. Pure. */
export * from './profile';
export * from './hash';
export * from './versions';
export * from './signoff';
export * from './threads';
export * from './exchange';
export * from './redact';
