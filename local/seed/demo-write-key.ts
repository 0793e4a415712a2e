/**
 * The sandbox's demo write key: a `web` key with a fixed, published secret, so the demo bank
 * website (and the bench) can post events without an admin creating a key first. Fine for a
 * sandbox on a laptop; a real deployment creates its keys with `POST /v1/write-keys`.
 */
import { hashWriteKey, newWriteKey } from '#functions/channels/domain/write-keys.ts';
import { getWriteKey, overwriteWriteKey } from '#functions/channels/store/write-keys-store.ts';

/** The demo key's secret: `rk_web_` and 32 base62 characters, like any key. */
export const demoWriteKeySecret = 'rk_web_demoBanqueRelaisSandboxKey000001';
export const demoWriteKeyId = 'wk-demo-web';

/**
 * Creates the demo key if it is missing, or makes it usable again if an admin rotated or
 * revoked it; answers its secret. Idempotent: an active demo key is left as it is.
 */
export const ensureDemoWriteKey = async (): Promise<string> => {
  const existing = await getWriteKey(demoWriteKeyId);
  if (existing?.status === 'active' && existing.keyHash === hashWriteKey(demoWriteKeySecret))
    return demoWriteKeySecret;
  await overwriteWriteKey(
    newWriteKey(
      {
        id: demoWriteKeyId,
        channel: 'web',
        label: 'Site de démonstration (sandbox)',
        secret: demoWriteKeySecret,
      },
      'sandbox',
      new Date(),
    ),
  );
  return demoWriteKeySecret;
};
