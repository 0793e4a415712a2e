/**
 * The whole product on one machine: the emulator, the declared resources, demo data, the
 * HTTP API, the sign-in issuer, the web front end, and the event-source mappings and schedules
 * that invoke the same handlers as the cloud. `npm start` and the tests use this one function.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import {
  type EventSourceMapping,
  eventSourceMappings,
  type FunctionName,
  functions,
  schedules,
} from '#infra/declaration/functions.ts';
import type { QueueName } from '#infra/declaration/messaging.ts';
import type { ApiGateway } from './api-gateway/gateway.ts';
import type { Issuer } from './cognito/issuer.ts';
import { type Emulator, emulatorEnvironment, startEmulator } from './emulator.ts';
import { invokeHandler, type LambdaHandler, type Poller } from './lambda/lambda-context.ts';
import { startQueuePoller } from './lambda/queue-poller.ts';
import { type Scheduler, startScheduler } from './lambda/scheduler.ts';
import { startStreamPoller } from './lambda/stream-poller.ts';
import { progressBar } from './progress.ts';
import { functionEnvironment, type ProvisionedSandbox, provisionSandbox } from './resources/provision.ts';
import { generateDemoBank } from './seed/demo-bank.ts';
import type { StaffMember } from './seed/staff.ts';

export type SandboxOptions = {
  /** Print progress (seeding) to stderr. @default false */
  quiet?: boolean;
  /** Demo customers seeded into an empty sandbox. @default 2000 */
  customers?: number;
  /** `default`: the fixed ports of the README; `free`: any free ports (tests). @default 'free' */
  ports?: 'free' | 'default';
  /** Name prefix of the sandbox's resources. @default 'relais' */
  prefix?: string;
  /**
   * Batching windows, in seconds, to use instead of the declared ones, by queue: a test of
   * retries shortens the window each retry waits for. Nothing else about the mapping changes.
   * @default the declaration's
   */
  batchingWindows?: Partial<Record<QueueName, number>>;
  /**
   * Imports 30 days of channel history into the lake of a fresh sandbox, so that its analyses
   * are not empty (`npm start`); tests count their own events. @default false
   */
  channelHistory?: boolean;
  /** Writes a year of sales pipeline for the demo bank (`npm start`); tests open their own deals. @default false */
  demoPipeline?: boolean;
};

export type Sandbox = {
  webUrl: string;
  /** The bank's public website (demo), with the tracker. */
  demoSiteUrl: string;
  /** The `web` channel's write key of the demo website. */
  demoWriteKey: string;
  apiUrl: string;
  issuerUrl: string;
  awsEndpoint: string;
  emulatorKind: Emulator['kind'];
  /** Physical names of the resources on the emulator. */
  resources: ProvisionedSandbox;
  staff: StaffMember[];
  /** The demo bank's branch names by id. */
  branchNames: ReadonlyMap<string, string>;
  /** An ID token for a demo user, without the browser flow (tests with many callers). */
  idToken: (username: string) => Promise<string>;
  /** What the bank's login service gives a customer's device at login (`at`: now by default). */
  identityToken: (customerId: string, anonymousId: string, at?: Date) => Promise<string>;
  /** Resolves when every poller has drained what is in its source (tests wait on it). */
  idle: () => Promise<void>;
  stop: () => Promise<void>;
};

/** The README's ports. */
export const defaultPorts = { web: 8080, api: 8081, auth: 8082, demoSite: 8083 } as const;
/** The local app client, as Cognito's app client id. */
export const localClientId = 'relais-web-local';
const root = fileURLToPath(new URL('..', import.meta.url));

/** A function's handler, imported from its declared entry on the first invocation (a cold start). */
const lazyHandler = (name: FunctionName): LambdaHandler => {
  let loaded: Promise<LambdaHandler> | undefined;
  return async (event, context) => {
    loaded ??= import(new URL(`../${functions[name].entry}`, import.meta.url).href).then(
      (module: { handler: LambdaHandler }) => module.handler,
    );
    return (await loaded)(event, context);
  };
};

export const startSandbox = async (options: SandboxOptions = {}): Promise<Sandbox> => {
  const prefix = options.prefix ?? 'relais';
  const ports = options.ports === 'default' ? defaultPorts : { web: 0, api: 0, auth: 0, demoSite: 0 };
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const close of stops.reverse()) await close().catch(() => {});
  };
  try {
    const emulator = await startEmulator();
    stops.push(emulator.stop);
    Object.assign(process.env, emulatorEnvironment(emulator.endpoint), {
      POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'WARN',
      POWERTOOLS_SERVICE_NAME: 'relais-sandbox',
      POWERTOOLS_METRICS_DISABLED: 'true',
    });
    const provisioned = await provisionSandbox(prefix);
    for (const name of Object.keys(functions) as FunctionName[]) {
      Object.assign(process.env, functionEnvironment(name, provisioned));
    }

    // Loaded only now: SDK clients read the emulator's endpoint from the environment.
    const { isSeeded, writeDemoBank } = await import('./seed/write-demo-bank.ts');
    const bank = generateDemoBank({ customers: options.customers ?? 2000 });
    const freshData = !(await isSeeded());
    if (freshData) {
      const bar = options.quiet
        ? undefined
        : progressBar({ label: 'Demo bank', total: bank.customers.length });
      let shown = 0;
      await writeDemoBank(bank, (written) => {
        bar?.tick(written - shown);
        shown = written;
      });
      bar?.done();
      if (options.demoPipeline) {
        const { writeDemoPipeline } = await import('./seed/demo-pipeline.ts');
        await writeDemoPipeline(bank, new Date(), options.quiet);
      }
      if (options.channelHistory) {
        const { generateChannelHistory, writeChannelHistory } = await import('./seed/channel-history.ts');
        const history = generateChannelHistory(bank, new Date());
        if (!options.quiet)
          process.stderr.write(`Channel history: ${history.length} events of the last 30 days…\n`);
        await writeChannelHistory(history);
      }
    }

    const { startIssuer } = await import('./cognito/issuer.ts');
    const { startWebServer } = await import('./web-server.ts');
    const { startApiGateway } = await import('./api-gateway/gateway.ts');
    const branchNames = new Map(bank.branches.map((branch) => [branch.id, branch.name]));
    const issuer: Issuer = await startIssuer({
      port: ports.auth,
      users: bank.staff,
      branchNames,
      clientId: localClientId,
    });
    stops.push(issuer.close);
    // The web origin is known once its server listens; the API reads this list per request.
    const allowedOrigins: string[] = [];
    const api: ApiGateway = await startApiGateway({
      port: ports.api,
      jwt: { issuer: issuer.issuer, jwksUrl: issuer.jwksUrl, audience: localClientId },
      allowedOrigins,
    });
    stops.push(api.close);
    const web = await startWebServer({
      port: ports.web,
      distDir: `${root}web/dist`,
      config: {
        apiUrl: api.url,
        region: process.env.AWS_REGION ?? 'eu-west-3',
        auth: {
          authorizeUrl: issuer.authorizeUrl,
          tokenUrl: issuer.tokenUrl,
          logoutUrl: issuer.logoutUrl,
          clientId: localClientId,
          scopes: ['openid', 'profile', 'email'],
        },
      },
    });
    stops.push(web.close);
    const { ensureDemoWriteKey } = await import('./seed/demo-write-key.ts');
    const { startDemoSite } = await import('./demo-site.ts');
    const demoWriteKey = await ensureDemoWriteKey();
    const { secretValue } = await import('#shared/secrets.ts');
    const { signIdentityToken } = await import('#functions/channels/domain/identity-token.ts');
    const identityKey = await secretValue('identityKey');
    const identityToken = (customerId: string, anonymousId: string, at?: Date) =>
      signIdentityToken({ customerId, anonymousId, key: identityKey, ...(at ? { now: at } : {}) });
    const demoSite = await startDemoSite({
      port: ports.demoSite,
      apiUrl: api.url,
      writeKey: demoWriteKey,
      identityToken,
      customers: bank.customers.length,
    });
    stops.push(demoSite.close);
    for (const url of [web.url, demoSite.url]) {
      const port = new URL(url).port;
      allowedOrigins.push(`http://127.0.0.1:${port}`, `http://localhost:${port}`);
    }

    const sqs = new SQSClient({});
    const pollers: Poller[] = [];
    for (const mapping of eventSourceMappings as readonly EventSourceMapping[]) {
      const fn = functions[mapping.function];
      const handler = lazyHandler(mapping.function);
      if (mapping.kind === 'tableStream') {
        const streamArn = provisioned.tables[mapping.table].streamArn;
        if (!streamArn) throw new Error(`table ${mapping.table} has no stream`);
        const failureQueue = provisioned.queues[mapping.onFailure].url;
        pollers.push(
          startStreamPoller({
            streamArn,
            functionName: mapping.function,
            handler,
            batchSize: mapping.batchSize,
            maxRetries: mapping.maxRetries,
            maxRecordAgeSeconds: mapping.maxRecordAgeSeconds,
            bisectOnError: true,
            timeoutSeconds: fn.timeoutSeconds,
            startingPosition: emulator.kind === 'moto' || freshData ? 'TRIM_HORIZON' : 'LATEST',
            // Like Lambda's on-failure destination: a record of the batch, not the data itself.
            onFailure: async ({ records, error }) => {
              await sqs.send(
                new SendMessageCommand({
                  QueueUrl: failureQueue,
                  MessageBody: JSON.stringify({
                    requestContext: { functionArn: mapping.function, condition: 'RetryAttemptsExhausted' },
                    responseContext: { errorMessage: error.message },
                    DDBStreamBatchInfo: {
                      streamArn,
                      batchSize: records.length,
                      startSequenceNumber: records[0]?.dynamodb?.SequenceNumber,
                      endSequenceNumber: records.at(-1)?.dynamodb?.SequenceNumber,
                    },
                  }),
                }),
              );
            },
          }),
        );
      } else {
        const queue = provisioned.queues[mapping.queue];
        pollers.push(
          startQueuePoller({
            queueUrl: queue.url,
            queueArn: queue.arn,
            functionName: mapping.function,
            handler,
            batchSize: mapping.batchSize,
            maxBatchingWindowSeconds:
              options.batchingWindows?.[mapping.queue] ?? mapping.maxBatchingWindowSeconds,
            concurrency: mapping.maxConcurrency,
            timeoutSeconds: fn.timeoutSeconds,
          }),
        );
      }
    }
    stops.push(async () => {
      await Promise.all(pollers.map((poller) => poller.stop()));
    });

    const jobs = await Promise.all(
      Object.entries(schedules).map(async ([name, schedule]) => {
        const handler = lazyHandler(schedule.function);
        const fn = functions[schedule.function];
        return {
          name,
          expression: schedule.expression,
          invoke: (event: unknown) =>
            invokeHandler(handler, event, {
              functionName: schedule.function,
              timeoutSeconds: fn.timeoutSeconds,
            }),
        };
      }),
    );
    const scheduler: Scheduler = startScheduler({ jobs });
    stops.push(scheduler.stop);

    const sandbox = {
      webUrl: web.url,
      demoSiteUrl: demoSite.url,
      demoWriteKey,
      apiUrl: api.url,
      issuerUrl: issuer.url,
      awsEndpoint: emulator.endpoint,
      emulatorKind: emulator.kind,
      resources: provisioned,
      staff: bank.staff,
      branchNames,
      idToken: async (username: string) => (await issuer.issueTokens(username)).id_token,
      identityToken,
      idle: async () => {
        await Promise.all(pollers.map((poller) => poller.idle()));
      },
      stop,
    };
    await mkdir(`${root}.sandbox`, { recursive: true });
    await writeFile(
      `${root}.sandbox/${prefix}.json`,
      JSON.stringify(
        {
          ...sandbox,
          prefix,
          pid: process.pid,
          staff: undefined,
          branchNames: undefined,
          idToken: undefined,
          resources: undefined,
          demoWriteKey: undefined,
        },
        null,
        2,
      ),
    );
    return sandbox;
  } catch (error) {
    await stop();
    throw error;
  }
};
