/**
 * A customer's visit of the website, as the tracker sends it through the channels' API: a page
 * view of an anonymous visitor, their login (with an identity token, which links the device to
 * the customer) and a page view after it, in the last few minutes.
 */
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { WriteKeyWithSecret } from '#schemas/channels/write-key.ts';
import type { sandboxPerFile } from './sandbox.ts';

type SandboxHandle = Pick<ReturnType<typeof sandboxPerFile>, 'as' | 'anonymous' | 'sandbox'>;

/** Posts a login and two page views of `visitor` for `customerId`; answers their message ids. */
export const visitsOf =
  ({ as, anonymous, sandbox }: SandboxHandle) =>
  async (customerId: string, visitor: string): Promise<string[]> => {
    const key = (
      await (
        await as('admin')
      ).request<WriteKeyWithSecret>('POST', '/v1/write-keys', {
        body: { channel: 'web', label: 'Website' },
      })
    ).body.key;
    const at = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
    const event = (n: number, type: string, minutes: number, extra = {}) => ({
      messageId: randomUUID(),
      type,
      timestamp: at(minutes),
      anonymousId: visitor,
      sessionId: `${visitor}-session`,
      context: { consent: { analytics: true } },
      properties: type === 'page_view' ? { path: `/page-${n}` } : { method: 'password' },
      ...extra,
    });
    const batch = [
      event(1, 'page_view', 3),
      event(2, 'identify', 2, {
        customerId,
        identityToken: await sandbox().identityToken(customerId, visitor, new Date(at(2))),
      }),
      event(3, 'page_view', 1),
    ];
    const answer = await anonymous().request('POST', '/v1/events', {
      headers: { 'x-write-key': key },
      body: { sentAt: new Date().toISOString(), batch },
    });
    expect(answer.status).toBe(200);
    return batch.map((e) => e.messageId);
  };
