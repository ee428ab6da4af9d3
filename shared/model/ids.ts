/** Web Crypto exists in browsers, Web Workers and Node 20+, so shared/ can rely on it without a DOM or Node import. */
interface WebCrypto {
  randomUUID(): string;
}

export function newId(prefix = ''): string {
  const uuid = (globalThis as unknown as { crypto: WebCrypto }).crypto.randomUUID();
  return prefix ? `${prefix}-${uuid}` : uuid;
}
