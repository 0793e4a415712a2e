/**
 * PKCE (RFC 7636) with S256, and the random `state`, on the Web Crypto API the browser (and
 * Node 20, for the tests) provides.
 */

const base64Url = (bytes: Uint8Array): string => {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};

/** A random URL-safe string carrying `bytes` bytes of entropy (32 bytes: a 43-char verifier). */
export const randomUrlSafe = (bytes = 32): string => base64Url(crypto.getRandomValues(new Uint8Array(bytes)));

/** The S256 code challenge of a verifier: BASE64URL(SHA-256(ASCII(verifier))). */
export const codeChallenge = async (verifier: string): Promise<string> =>
  base64Url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));

/** A fresh verifier and its challenge. */
export const createPkcePair = async (): Promise<{ verifier: string; challenge: string }> => {
  const verifier = randomUrlSafe(32);
  return { verifier, challenge: await codeChallenge(verifier) };
};
