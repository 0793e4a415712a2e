/**
 * A sandbox per integration test file: the run's emulator, resources under a unique prefix, a
 * small seeded bank, the HTTP API and issuer on free ports. `as(username)` gives an HTTP
 * client signed in as a demo user.
 */
import { afterAll, beforeAll } from 'vitest';
import { type Sandbox, type SandboxOptions, startSandbox } from '#local/sandbox.ts';
import { generateDemoBank } from '#local/seed/demo-bank.ts';
import type { StaffMember } from '#local/seed/staff.ts';
import type { Role } from '#schemas/roles.ts';
import { uniquePrefix, useEmulator } from './aws.ts';

/** Customers seeded in each test file's bank (a prefix of the full demo bank). */
export const testBankSize = 80;

/** `body` is parsed when the answer is JSON, text otherwise; `bytes` is the answer as sent (a PDF). */
export type ApiResponse<T = unknown> = { status: number; headers: Headers; body: T; bytes: Uint8Array };
export type ApiClient = {
  request: <T = unknown>(
    method: string,
    path: string,
    /** `rawBody` is sent as it is (for bodies JSON.stringify cannot make). */
    options?: { body?: unknown; rawBody?: string; headers?: Record<string, string> },
  ) => Promise<ApiResponse<T>>;
};

export const sandboxPerFile = (options: Pick<SandboxOptions, 'batchingWindows'> = {}) => {
  useEmulator();
  const bank = generateDemoBank({ customers: testBankSize });
  const state: { sandbox?: Sandbox } = {};
  beforeAll(async () => {
    state.sandbox = await startSandbox({
      prefix: uniquePrefix('it'),
      customers: testBankSize,
      quiet: true,
      ...options,
    });
  });
  afterAll(async () => {
    await state.sandbox?.stop();
  });
  const sandbox = () => {
    if (!state.sandbox) throw new Error('the sandbox is not started yet');
    return state.sandbox;
  };
  const client = (token: string | undefined): ApiClient => ({
    request: async (method, path, options = {}) => {
      const response = await fetch(`${sandbox().apiUrl}${path}`, {
        method,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(options.body !== undefined || options.rawBody !== undefined
            ? { 'content-type': 'application/json' }
            : {}),
          ...options.headers,
        },
        ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
        ...(options.rawBody !== undefined ? { body: options.rawBody } : {}),
      });
      const bytes = new Uint8Array(await response.arrayBuffer());
      const text = new TextDecoder().decode(bytes);
      const json = /json/.test(response.headers.get('content-type') ?? '');
      return {
        status: response.status,
        headers: response.headers,
        body: json ? (text ? JSON.parse(text) : undefined) : text || undefined,
        bytes,
      };
    },
  });
  /** The first staff member with a role (and branch, when given). */
  const staffMember = (role: Role, branchId?: string): StaffMember => {
    const found = bank.staff.find((m) => m.roles.includes(role) && (!branchId || m.branchId === branchId));
    if (!found) throw new Error(`no ${role} in the demo bank`);
    return found;
  };
  const as = async (who: StaffMember | Role): Promise<ApiClient> => {
    const member = typeof who === 'string' ? staffMember(who) : who;
    return client(await sandbox().idToken(member.username));
  };
  return { bank, sandbox, as, anonymous: () => client(undefined), staffMember };
};
