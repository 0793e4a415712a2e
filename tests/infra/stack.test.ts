/**
 * The synthesised Relais stack keeps its promises: durable encrypted tables, DLQs, an archived
 * bus, an API whose every route is authenticated (but the public ones) and served by its
 * context's Lambda, staff sign-in that cannot move a user between branches, least privilege,
 * and a web front end that finds its settings at run time.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, test } from 'vitest';
import { cors } from '#infra/declaration/api.ts';
import { envName, functions } from '#infra/declaration/functions.ts';
import { queues } from '#infra/declaration/messaging.ts';
import { tables } from '#infra/declaration/storage.ts';
import { repositoryRoot } from '#infra/stacks/functions.ts';
import { curatedColumns, lakeCatalog } from '#schemas/analytics/lake.ts';
import { allRoles } from '#schemas/roles.ts';
import { routes } from '#schemas/routes.ts';
import {
  fixtureTrackerOrigin,
  logicalIdOf,
  resourceOf,
  resourcesOfType,
  type Synthesised,
  synthRelais,
} from './support/synth.ts';

type Statement = { Action: string | string[]; Resource: unknown; Effect: string };
type CfnPolicy = { PolicyDocument: { Statement: Statement[] }; Roles: { Ref: string }[] };
type CfnRoute = { RouteKey: string; Target: { 'Fn::Join': [string, unknown[]] }; AuthorizationType?: string };
type CfnIntegration = { IntegrationUri: { 'Fn::GetAtt': [string, string] } };

let synthesised: Synthesised;

beforeAll(() => {
  synthesised = synthRelais();
});

const actionsOf = (statement: Statement) => [statement.Action].flat();

describe('tables', () => {
  test('are on demand, point-in-time recoverable, encrypted, retained, with the declared TTL, stream and GSIs', () => {
    // Prepare
    const { stack, template } = synthesised;

    for (const [name, declared] of Object.entries(tables)) {
      // Act
      const table = resourceOf(template, stack.storage.tables[name as keyof typeof tables]);

      // Assess
      expect(table.DeletionPolicy, `${name} is retained`).toBe('Retain');
      expect(table.Properties).toMatchObject({
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        SSESpecification: { SSEEnabled: true },
        DeletionProtectionEnabled: true,
      });
      expect(table.Properties.StreamSpecification).toEqual(
        declared.stream ? { StreamViewType: 'NEW_AND_OLD_IMAGES' } : undefined,
      );
      expect(table.Properties.TimeToLiveSpecification).toEqual(
        'timeToLiveAttribute' in declared
          ? { AttributeName: declared.timeToLiveAttribute, Enabled: true }
          : undefined,
      );
      const indexes = (table.Properties.GlobalSecondaryIndexes ?? []) as { IndexName: string }[];
      expect(indexes.map((index) => index.IndexName)).toEqual(declared.indexes.map((index) => index.name));
    }
  });
});

describe('messaging', () => {
  test('every queue has an encrypted DLQ kept 14 days, after its declared receives, and refuses plain HTTP', () => {
    // Prepare
    const { stack, template } = synthesised;

    for (const name of Object.keys(queues) as (keyof typeof queues)[]) {
      // Act
      const queue = resourceOf(template, stack.messaging.queues[name]).Properties;
      const dlq = resourceOf(template, stack.messaging.deadLetterQueues[name]).Properties;

      // Assess
      expect(queue.RedrivePolicy).toEqual({
        deadLetterTargetArn: { 'Fn::GetAtt': [logicalIdOf(stack.messaging.deadLetterQueues[name]), 'Arn'] },
        maxReceiveCount: queues[name].maxReceiveCount,
      });
      expect(queue.SqsManagedSseEnabled).toBe(true);
      expect(dlq).toMatchObject({ MessageRetentionPeriod: 14 * 24 * 3600, SqsManagedSseEnabled: true });
      template.hasResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [{ Ref: logicalIdOf(stack.messaging.queues[name]) }],
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          ]),
        },
      });
    }
  });

  test('the bus is archived for replays, 30 days (short: it holds customer ids in clear)', () => {
    // Prepare
    const { stack, template } = synthesised;

    // Act
    const archives = Object.values(resourcesOfType(template, 'AWS::Events::Archive'));

    // Assess
    expect(archives).toHaveLength(1);
    expect(archives[0]?.Properties).toMatchObject({
      SourceArn: { 'Fn::GetAtt': [logicalIdOf(stack.messaging.bus), 'Arn'] },
      RetentionDays: 30,
    });
    template.hasResourceProperties('AWS::Events::EventBus', { Name: 'relais' });
  });

  test('the lake queue accepts messages from its rule only', () => {
    // Prepare
    const { stack, template } = synthesised;

    // Act / Assess
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: logicalIdOf(stack.messaging.queues.lakeIntake) }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Allow',
            Action: Match.arrayWith(['sqs:SendMessage']),
            Principal: { Service: 'events.amazonaws.com' },
            Condition: {
              ArnEquals: {
                'aws:SourceArn': { 'Fn::GetAtt': [logicalIdOf(stack.messaging.rules.everything!), 'Arn'] },
              },
            },
          }),
        ]),
      },
    });
  });
});

describe('functions', () => {
  test('ship the files they read at run time (the saved queries of the analytics function)', () => {
    // Prepare
    const { app, stack, template } = synthesised;
    const code = resourceOf<{ Code: { S3Key: string } }>(template, stack.compute.functions.analyticsApi)
      .Properties.Code;

    // Act
    const asset = join(app.outdir, `asset.${code.S3Key.replace(/\.zip$/, '')}`);

    // Assess
    expect(
      readdirSync(asset)
        .filter((file) => file.endsWith('.sql'))
        .sort(),
    ).toEqual(
      readdirSync(join(repositoryRoot, 'functions/analytics/queries'))
        .filter((file) => file.endsWith('.sql'))
        .sort(),
    );
  });

  test('run Node.js 22 on arm64 with X-Ray, Powertools settings and their own log group, without source maps unless asked for', () => {
    // Prepare
    const { stack, template } = synthesised;

    for (const name of Object.keys(functions) as (keyof typeof functions)[]) {
      // Act
      const fn = resourceOf(template, stack.compute.functions[name]).Properties;

      // Assess
      expect(fn).toMatchObject({
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        TracingConfig: { Mode: 'Active' },
        MemorySize: functions[name].memoryMB,
        Timeout: functions[name].timeoutSeconds,
        Environment: {
          Variables: {
            POWERTOOLS_SERVICE_NAME: name,
            POWERTOOLS_METRICS_NAMESPACE: 'Relais',
          },
        },
        LoggingConfig: { LogFormat: 'JSON', LogGroup: { Ref: expect.any(String) } },
      });
    }
    template.resourceCountIs('AWS::Logs::LogGroup', Object.keys(functions).length + 1);
  });

  test('are bundled as ESM with a require shim for CommonJS dependencies', () => {
    // Prepare
    const { app, stack, template } = synthesised;
    const fn = resourceOf<{ Code: { S3Key: string } }>(template, stack.compute.functions.customersApi);
    const hash = fn.Properties.Code.S3Key.replace(/\.zip$/, '');

    // Act
    const bundle = readFileSync(join(app.outdir, `asset.${hash}`, 'index.mjs'), 'utf8');

    // Assess
    expect(bundle.startsWith("import { createRequire as relaisCreateRequire } from 'node:module';")).toBe(
      true,
    );
    expect(bundle).toMatch(/export\s*\{[^}]*handler/);
  });

  test('least privilege: only the audit writer adds to the audit trail, and nobody changes or deletes it', () => {
    // Prepare
    const { stack, template } = synthesised;
    const auditId = logicalIdOf(stack.storage.tables.audit);
    const actionsOnAudit = (fn: keyof typeof stack.compute.functions) => {
      const roleId = logicalIdOf(stack.compute.functions[fn].executionRole);
      const policy = Object.values(resourcesOfType<CfnPolicy>(template, 'AWS::IAM::Policy')).find((p) =>
        p.Properties.Roles.some((role) => role.Ref === roleId),
      );
      return (policy?.Properties.PolicyDocument.Statement ?? [])
        .filter((statement) => JSON.stringify(statement.Resource).includes(auditId))
        .flatMap(actionsOf);
    };

    // Act
    const customersApi = actionsOnAudit('customersApi');
    const writer = actionsOnAudit('auditWriter');
    const others = (Object.keys(stack.compute.functions) as (keyof typeof stack.compute.functions)[])
      .filter((fn) => fn !== 'auditWriter')
      .flatMap(actionsOnAudit);

    // Assess
    expect(customersApi).toContain('dynamodb:Query');
    expect(writer).toContain('dynamodb:PutItem');
    expect(others).not.toContain('dynamodb:PutItem');
    for (const forbidden of [
      'dynamodb:UpdateItem',
      'dynamodb:DeleteItem',
      'dynamodb:BatchWriteItem',
      'dynamodb:*',
    ]) {
      expect([...writer, ...others], `${forbidden} on the audit table`).not.toContain(forbidden);
    }
  });

  test('the audit archive locks every object for five years, and only the audit writer may add to it', () => {
    // Prepare
    const { stack, template } = synthesised;
    const archiveId = logicalIdOf(stack.storage.auditArchive);
    const actionsOnArchive = (fn: keyof typeof stack.compute.functions) => {
      const roleId = logicalIdOf(stack.compute.functions[fn].executionRole);
      const policy = Object.values(resourcesOfType<CfnPolicy>(template, 'AWS::IAM::Policy')).find((p) =>
        p.Properties.Roles.some((role) => role.Ref === roleId),
      );
      return (policy?.Properties.PolicyDocument.Statement ?? [])
        .filter((statement) => JSON.stringify(statement.Resource).includes(archiveId))
        .flatMap(actionsOf);
    };
    // Act
    const bucket = resourceOf(template, stack.storage.auditArchive).Properties;
    const others = (Object.keys(stack.compute.functions) as (keyof typeof stack.compute.functions)[])
      .filter((fn) => fn !== 'auditWriter')
      .flatMap(actionsOnArchive);
    // Assess
    expect(bucket).toMatchObject({
      ObjectLockEnabled: true,
      ObjectLockConfiguration: {
        ObjectLockEnabled: 'Enabled',
        Rule: { DefaultRetention: { Mode: 'GOVERNANCE', Days: 1827 } },
      },
      VersioningConfiguration: { Status: 'Enabled' },
    });
    expect(actionsOnArchive('auditWriter')).toEqual(['s3:PutObject']);
    expect(others).toEqual([]);
  });

  test('least privilege: no function gets a wildcard action or a table-wide index wildcard', () => {
    // Prepare
    const { template } = synthesised;
    const functionRoles = Object.entries(resourcesOfType(template, 'AWS::IAM::Role'))
      .filter(([id]) => id.startsWith('Functions'))
      .map(([id]) => id);

    // Act
    const statements = Object.values(resourcesOfType<CfnPolicy>(template, 'AWS::IAM::Policy'))
      .filter((p) => p.Properties.Roles.some((role) => functionRoles.includes(role.Ref)))
      .flatMap((p) => p.Properties.PolicyDocument.Statement);

    // Assess
    expect(statements.flatMap(actionsOf).filter((action) => action.includes('*'))).toEqual([]);
    expect(JSON.stringify(statements)).not.toContain('/index/*');
    const onStar = new Set(statements.filter((s) => s.Resource === '*').flatMap(actionsOf));
    expect([...onStar].sort()).toEqual([
      'dynamodb:ListStreams',
      'xray:PutTelemetryRecords',
      'xray:PutTraceSegments',
    ]);
  });

  test('the stream publisher reads the main stream with bisection, retries and an on-failure queue', () => {
    // Prepare
    const { stack, template } = synthesised;

    // Act / Assess
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: { 'Fn::GetAtt': [logicalIdOf(stack.storage.tables.main), 'StreamArn'] },
      FunctionName: { Ref: logicalIdOf(stack.compute.functions.streamPublisher) },
      BatchSize: 100,
      MaximumRetryAttempts: 10,
      MaximumRecordAgeInSeconds: 21600,
      BisectBatchOnFunctionError: true,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      DestinationConfig: {
        OnFailure: {
          Destination: { 'Fn::GetAtt': [logicalIdOf(stack.messaging.queues.streamFailures), 'Arn'] },
        },
      },
    });
  });
});

describe('HTTP API', () => {
  test('has a JWT authorizer trusting the user pool for the web client', () => {
    // Prepare
    const { stack, template } = synthesised;

    // Act / Assess
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Audience: [{ Ref: logicalIdOf(stack.auth.webClient) }],
        Issuer: {
          'Fn::Join': [
            '',
            ['https://cognito-idp.eu-west-3.amazonaws.com/', { Ref: logicalIdOf(stack.auth.userPool) }],
          ],
        },
      },
    });
  });

  test("has one route per route-table entry, integrated with its context's function", () => {
    // Prepare
    const { stack, template } = synthesised;
    const integrations = resourcesOfType<CfnIntegration>(template, 'AWS::ApiGatewayV2::Integration');

    for (const route of routes) {
      // Act
      const httpRoute = stack.api.routes[route.id];
      expect(httpRoute, `construct of route ${route.id}`).toBeDefined();
      const cfn = resourceOf<CfnRoute>(template, httpRoute!).Properties;
      const integrationId = JSON.stringify(cfn.Target).match(/"Ref":"([^"]+)"/)?.[1] ?? '';

      // Assess
      expect(cfn.RouteKey).toBe(`${route.method} ${route.path}`);
      expect(integrations[integrationId]?.Properties.IntegrationUri['Fn::GetAtt'][0], route.id).toBe(
        logicalIdOf(stack.compute.forRoute(route)),
      );
    }
    template.resourceCountIs('AWS::ApiGatewayV2::Route', routes.length);
  });

  test('serves the quote PDF from the sales documents function, and no other sales route from it', () => {
    const { stack, template } = synthesised;
    const integrations = resourcesOfType<CfnIntegration>(template, 'AWS::ApiGatewayV2::Integration');
    const targetOf = (id: string) => {
      const cfn = resourceOf<CfnRoute>(template, stack.api.routes[id]!).Properties;
      const integrationId = JSON.stringify(cfn.Target).match(/"Ref":"([^"]+)"/)?.[1] ?? '';
      return integrations[integrationId]?.Properties.IntegrationUri['Fn::GetAtt'][0];
    };
    const documents = logicalIdOf(stack.compute.functions.salesDocuments);
    expect(targetOf('printQuote')).toBe(documents);
    for (const id of ['issueQuote', 'listQuotes', 'acceptQuote', 'simulateLoan', 'listOpportunities']) {
      expect(targetOf(id), id).toBe(logicalIdOf(stack.compute.functions.salesApi));
    }
  });

  test('leaves only public and write-key routes without the JWT authorizer', () => {
    // Prepare
    const { stack, template } = synthesised;

    for (const route of routes) {
      // Act
      const cfn = resourceOf<CfnRoute & { AuthorizerId?: unknown }>(
        template,
        stack.api.routes[route.id]!,
      ).Properties;

      // Assess
      if (route.roles === 'public' || route.roles === 'writeKey') {
        expect(cfn.AuthorizationType ?? 'NONE', route.id).toBe('NONE');
        expect(cfn.AuthorizerId, route.id).toBeUndefined();
      } else {
        expect(cfn.AuthorizationType, route.id).toBe('JWT');
        expect(cfn.AuthorizerId, route.id).toBeDefined();
      }
    }
  });

  test('answers CORS preflights for the web origin and the bank’s tracker sites only, with the headers they send', () => {
    // Prepare
    const { stack, template } = synthesised;

    // Act / Assess
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: {
        AllowOrigins: [
          {
            'Fn::Join': [
              '',
              ['https://', { 'Fn::GetAtt': [logicalIdOf(stack.web.distribution), 'DomainName'] }],
            ],
          },
          fixtureTrackerOrigin,
        ],
        AllowHeaders: [...cors.allowHeaders],
      },
    });
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AccessLogSettings: Match.objectLike({ DestinationArn: Match.anyValue() }),
      DefaultRouteSettings: Match.objectLike({ ThrottlingRateLimit: Match.anyValue() }),
    });
  });
});

describe('Cognito', () => {
  test('has one group per role, no self sign-up, strong passwords and MFA', () => {
    // Prepare
    const { template } = synthesised;

    // Act
    const groups = Object.values(resourcesOfType(template, 'AWS::Cognito::UserPoolGroup')).map(
      (group) => group.Properties.GroupName,
    );

    // Assess
    expect(groups.sort()).toEqual([...allRoles].sort());
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      MfaConfiguration: 'ON',
      Policies: { PasswordPolicy: Match.objectLike({ MinimumLength: 14, RequireSymbols: true }) },
      Schema: Match.arrayWith([
        Match.objectLike({ Name: 'branchId', Mutable: true, AttributeDataType: 'String' }),
      ]),
    });
  });

  test('the web client reads custom:branchId but cannot write it (no moving to another branch)', () => {
    // Prepare
    const { stack, template } = synthesised;

    // Act
    const client = resourceOf<{ ReadAttributes: string[]; WriteAttributes: string[] }>(
      template,
      stack.auth.webClient,
    ).Properties;

    // Assess
    expect(client.ReadAttributes).toContain('custom:branchId');
    expect(client.WriteAttributes).not.toContain('custom:branchId');
    expect(client).toMatchObject({
      GenerateSecret: false,
      AllowedOAuthFlows: ['code'],
      CallbackURLs: [
        {
          'Fn::Join': [
            '',
            [
              'https://',
              { 'Fn::GetAtt': [logicalIdOf(stack.web.distribution), 'DomainName'] },
              '/auth/callback',
            ],
          ],
        },
      ],
    });
  });
});

describe('web', () => {
  test('CloudFront serves the private bucket through OAC, with SPA fallback and security headers', () => {
    // Prepare
    const { template } = synthesised;

    // Act / Assess
    template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultRootObject: 'index.html',
        CustomErrorResponses: [
          Match.objectLike({ ErrorCode: 403, ResponseCode: 200, ResponsePagePath: '/index.html' }),
          Match.objectLike({ ErrorCode: 404, ResponseCode: 200, ResponsePagePath: '/index.html' }),
        ],
        DefaultCacheBehavior: Match.objectLike({
          ViewerProtocolPolicy: 'redirect-to-https',
          ResponseHeadersPolicyId: Match.anyValue(),
        }),
        Logging: Match.objectLike({ Bucket: Match.anyValue() }),
      }),
    });
    template.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: Match.objectLike({
        SecurityHeadersConfig: Match.objectLike({
          FrameOptions: { FrameOption: 'DENY', Override: true },
          StrictTransportSecurity: Match.objectLike({ Override: true }),
          ContentSecurityPolicy: Match.objectLike({ Override: true }),
        }),
      }),
    });
  });

  test('deploys a config.json naming the API, the hosted UI and the client id', () => {
    // Prepare
    const { stack, template } = synthesised;

    // Act
    const deployments = Object.values(resourcesOfType(template, 'Custom::CDKBucketDeployment'));
    const withConfig = deployments.filter((d) => JSON.stringify(d.Properties).includes('SourceMarkers'));
    const markers = JSON.stringify(withConfig.map((d) => d.Properties.SourceMarkers));

    // Assess
    expect(withConfig).toHaveLength(1);
    expect(markers).toContain(logicalIdOf(stack.api.httpApi));
    expect(markers).toContain(logicalIdOf(stack.auth.webClient));
    expect(markers).toContain(logicalIdOf(stack.auth.domain));
  });
});

describe('lake', () => {
  test('is versioned, encrypted, private, logged, and moves raw/ to infrequent access', () => {
    // Prepare
    const { stack, template } = synthesised;

    // Act
    const bucket = resourceOf(template, stack.lake.bucket);

    // Assess
    expect(bucket.DeletionPolicy).toBe('Retain');
    expect(bucket.Properties).toMatchObject({
      VersioningConfiguration: { Status: 'Enabled' },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      LoggingConfiguration: { DestinationBucketName: expect.anything(), LogFilePrefix: 'lake/' },
    });
    expect(JSON.stringify(bucket.Properties.LifecycleConfiguration)).toContain('"Prefix":"raw/"');
    expect(JSON.stringify(bucket.Properties.LifecycleConfiguration)).toContain('NoncurrentVersionExpiration');
  });

  test('has the relais_lake Glue database and an Athena v3 workgroup with enforced, encrypted results', () => {
    // Prepare
    const { template } = synthesised;

    // Act / Assess
    template.hasResourceProperties('AWS::Glue::Database', {
      DatabaseInput: Match.objectLike({ Name: 'relais_lake' }),
    });
    template.hasResourceProperties('AWS::Athena::WorkGroup', {
      WorkGroupConfiguration: Match.objectLike({
        EngineVersion: { SelectedEngineVersion: 'Athena engine version 3' },
        EnforceWorkGroupConfiguration: true,
        BytesScannedCutoffPerQuery: Match.anyValue(),
        ResultConfiguration: Match.objectLike({ EncryptionConfiguration: { EncryptionOption: 'SSE_S3' } }),
      }),
    });
  });

  test('the workgroup cancels a query past 10 GiB scanned, and its settings cannot be overridden', () => {
    // Prepare
    const { template } = synthesised;

    // Act
    const [workGroup] = Object.values(
      resourcesOfType<{ Name: string; WorkGroupConfiguration: Record<string, unknown> }>(
        template,
        'AWS::Athena::WorkGroup',
      ),
    ).map((resource) => resource.Properties);

    // Assess
    expect(workGroup?.Name).toBe('relais');
    expect(workGroup?.WorkGroupConfiguration.BytesScannedCutoffPerQuery).toBe(10 * 1024 ** 3);
    expect(workGroup?.WorkGroupConfiguration.EnforceWorkGroupConfiguration).toBe(true);
  });

  type CfnGlueTable = {
    DatabaseName: string;
    TableInput: {
      Name: string;
      TableType: string;
      PartitionKeys: { Name: string; Type: string }[];
      Parameters: Record<string, unknown>;
      StorageDescriptor: {
        Location: unknown;
        Columns: { Name: string; Type: string }[];
        SerdeInfo: { SerializationLibrary: string; Parameters?: Record<string, string> };
      };
    };
  };

  const tableNamed = (name: string) => {
    const found = Object.values(resourcesOfType<CfnGlueTable>(synthesised.template, 'AWS::Glue::Table')).find(
      (table) => table.Properties.TableInput.Name === name,
    );
    if (!found) throw new Error(`no Glue table ${name}`);
    return found.Properties;
  };

  test.each([
    [lakeCatalog.curatedTable, 'curated/events'],
    [lakeCatalog.rawTable, 'raw'],
  ])('the %s table projects its dt and hour partitions (no crawler, no repair)', (name, prefix) => {
    // Prepare
    const { stack } = synthesised;
    const bucketId = logicalIdOf(stack.lake.bucket);

    // Act
    const table = tableNamed(name);
    const template = JSON.stringify(table.TableInput.Parameters['storage.location.template']);

    // Assess
    expect(table.DatabaseName).toBe('relais_lake');
    expect(table.TableInput.TableType).toBe('EXTERNAL_TABLE');
    expect(table.TableInput.PartitionKeys).toEqual([
      expect.objectContaining({ Name: 'dt', Type: 'string' }),
      expect.objectContaining({ Name: 'hour', Type: 'string' }),
    ]);
    expect(table.TableInput.Parameters).toMatchObject({
      'projection.enabled': 'true',
      'projection.dt.type': 'date',
      'projection.dt.format': 'yyyy-MM-dd',
      'projection.dt.range': '2015-01-01,NOW',
      'projection.dt.interval.unit': 'DAYS',
      'projection.hour.type': 'integer',
      'projection.hour.range': '0,23',
      'projection.hour.digits': '2',
    });
    expect(template).toContain(bucketId);
    expect(template).toContain(`/${prefix}/dt=\${dt}/hour=\${hour}/`);
    expect(JSON.stringify(table.TableInput.StorageDescriptor.Location)).toContain(`/${prefix}/`);
  });

  test('the events table reads Parquet with the curated columns, in order', () => {
    // Act
    const table = tableNamed(lakeCatalog.curatedTable);

    // Assess
    expect(table.TableInput.StorageDescriptor.Columns.map((c) => [c.Name, c.Type])).toEqual(
      curatedColumns.map((c) => [c.name, c.type]),
    );
    expect(table.TableInput.StorageDescriptor.SerdeInfo.SerializationLibrary).toBe(
      'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe',
    );
  });

  test('the raw_events table reads the NDJSON envelopes, detail-type under a legal column name', () => {
    // Act
    const table = tableNamed(lakeCatalog.rawTable);

    // Assess
    expect(table.TableInput.StorageDescriptor.SerdeInfo).toEqual({
      SerializationLibrary: 'org.openx.data.jsonserde.JsonSerDe',
      Parameters: expect.objectContaining({ 'mapping.detail_type': 'detail-type' }),
    });
    expect(table.TableInput.StorageDescriptor.Columns.map((c) => c.Name)).toEqual(
      expect.arrayContaining(['id', 'detail_type', 'source', 'time', 'detail']),
    );
  });
});

describe('secrets', () => {
  type CfnSecret = {
    KmsKeyId: unknown;
    GenerateSecretString: { PasswordLength: number; ExcludePunctuation: boolean };
  };

  test('the pseudonymisation key is 64 generated characters, encrypted with a rotated KMS key, retained', () => {
    // Prepare
    const { stack, template } = synthesised;

    // Act
    const secret = resourceOf<CfnSecret>(template, stack.secrets.secrets.pseudonymKey);
    const key = resourceOf<{ EnableKeyRotation: boolean }>(template, stack.secrets.key);

    // Assess
    expect(secret.DeletionPolicy).toBe('Retain');
    expect(secret.Properties.GenerateSecretString).toMatchObject({
      PasswordLength: 64,
      ExcludePunctuation: true,
    });
    expect(secret.Properties.KmsKeyId).toEqual({ 'Fn::GetAtt': [logicalIdOf(stack.secrets.key), 'Arn'] });
    expect(key.Properties.EnableKeyRotation).toBe(true);
    expect(key.DeletionPolicy).toBe('Retain');
  });
});

describe('lake grants', () => {
  /** Every statement of the function's role policy, with its actions flattened. */
  const statementsOf = (name: keyof typeof functions) => {
    const { stack, template } = synthesised;
    const roleId = logicalIdOf(stack.compute.functions[name].executionRole);
    return Object.values(resourcesOfType<CfnPolicy>(template, 'AWS::IAM::Policy'))
      .filter((p) => p.Properties.Roles.some((role) => role.Ref === roleId))
      .flatMap((p) => p.Properties.PolicyDocument.Statement);
  };
  const actionsOn = (name: keyof typeof functions, fragment: string) =>
    statementsOf(name)
      .filter((statement) => JSON.stringify(statement.Resource).includes(fragment))
      .flatMap(actionsOf)
      .sort();
  const variablesOf = (name: keyof typeof functions) =>
    resourceOf<{ Environment: { Variables: Record<string, unknown> } }>(
      synthesised.template,
      synthesised.stack.compute.functions[name],
    ).Properties.Environment.Variables;

  test('the archiver writes the lake and reads the pseudonymisation key, and is told where both are', () => {
    // Prepare
    const { stack } = synthesised;
    const bucketId = logicalIdOf(stack.lake.bucket);
    const secretId = logicalIdOf(stack.secrets.secrets.pseudonymKey);

    // Act
    const onLake = actionsOn('lakeArchiver', bucketId);
    const onSecret = actionsOn('lakeArchiver', secretId);
    const roleId = logicalIdOf(stack.compute.functions.lakeArchiver.executionRole);
    const keyPolicy = resourceOf<{ KeyPolicy: { Statement: (Statement & { Principal?: unknown })[] } }>(
      synthesised.template,
      stack.secrets.key,
    ).Properties.KeyPolicy.Statement;
    const onKey = keyPolicy
      .filter((statement) => JSON.stringify(statement.Principal ?? '').includes(roleId))
      .flatMap(actionsOf);

    // Assess
    expect(onLake).toEqual(['s3:DeleteObject', 's3:GetObject', 's3:ListBucket', 's3:PutObject']);
    expect(onSecret).toEqual(['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue']);
    expect(onKey).toContain('kms:Decrypt');
    expect(variablesOf('lakeArchiver')).toMatchObject({
      [envName.bucket('lake')]: { Ref: bucketId },
      [envName.secret('pseudonymKey')]: { Ref: secretId },
    });
  });

  test("only the archiver and the privacy jobs (a person's lake rows, for their access request) read the pseudonymisation key", () => {
    // Prepare
    const secretId = logicalIdOf(synthesised.stack.secrets.secrets.pseudonymKey);

    for (const name of Object.keys(functions) as (keyof typeof functions)[]) {
      // Act
      const reads = actionsOn(name, secretId).length > 0;

      // Assess
      expect(reads, name).toBe(name === 'lakeArchiver' || name === 'privacyJobs');
    }
  });

  test('the analytics API runs queries in the workgroup, reads the catalogue and the lake, writes results', () => {
    // Prepare
    const { stack } = synthesised;

    // Act
    const onWorkGroup = actionsOn('analyticsApi', ':workgroup/relais');
    const onCatalogue = actionsOn('analyticsApi', ':table/relais_lake/events');
    const onLake = actionsOn('analyticsApi', logicalIdOf(stack.lake.bucket));
    const onResults = actionsOn('analyticsApi', logicalIdOf(stack.lake.resultsBucket));

    // Assess
    expect(onWorkGroup).toEqual([
      'athena:GetQueryExecution',
      'athena:GetQueryResults',
      'athena:StartQueryExecution',
      'athena:StopQueryExecution',
    ]);
    expect(onCatalogue).toEqual([
      'glue:GetDatabase',
      'glue:GetPartition',
      'glue:GetPartitions',
      'glue:GetTable',
    ]);
    expect(onLake).not.toContain('s3:PutObject');
    expect(onLake).not.toContain('s3:DeleteObject');
    expect(onLake).toContain('s3:GetObject');
    expect(onResults).toEqual(expect.arrayContaining(['s3:GetObject', 's3:PutObject']));
    expect(variablesOf('analyticsApi')).toMatchObject({
      ATHENA_WORKGROUP: 'relais',
      GLUE_DATABASE: 'relais_lake',
    });
  });

  test('no function but the analytics API and the privacy jobs may start an Athena query', () => {
    for (const name of Object.keys(functions) as (keyof typeof functions)[]) {
      // Act
      const actions = statementsOf(name).flatMap(actionsOf);

      // Assess
      expect(actions.includes('athena:StartQueryExecution'), name).toBe(
        name === 'analyticsApi' || name === 'privacyJobs',
      );
    }
  });

  test("the analytics API's bundle leaves DuckDB out (a native module used only by the sandbox)", () => {
    // Prepare
    const { app, stack, template } = synthesised;
    const fn = resourceOf<{ Code: { S3Key: string } }>(template, stack.compute.functions.analyticsApi);
    const hash = fn.Properties.Code.S3Key.replace(/\.zip$/, '');

    // Act
    const bundle = readFileSync(join(app.outdir, `asset.${hash}`, 'index.mjs'), 'utf8');

    // Assess: DuckDB's loader (which picks a native binary per platform) is not in the bundle.
    expect(bundle.length).toBeGreaterThan(0);
    expect(bundle).not.toContain('getNativeNodeBinding');
    expect(bundle).not.toContain('node-bindings-linux');
  });
});
