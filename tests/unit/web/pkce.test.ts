/** PKCE as Cognito checks it: S256 of the verifier, base64url without padding. */
import { describe, expect, it } from 'vitest';
import { codeChallenge, createPkcePair, randomUrlSafe } from '#web/src/lib/pkce.ts';

describe('PKCE', () => {
  it('computes the S256 challenge of RFC 7636 appendix B', async () => {
    // Prepare
    const verifier = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';

    // Act
    const challenge = await codeChallenge(verifier);

    // Assess
    expect(challenge).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('makes fresh verifiers of 43 URL-safe characters, with their challenge', async () => {
    // Act
    const first = await createPkcePair();
    const second = await createPkcePair();

    // Assess
    expect(first.verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(first.verifier).not.toBe(second.verifier);
    expect(first.challenge).toBe(await codeChallenge(first.verifier));
    expect(randomUrlSafe(16)).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });
});
