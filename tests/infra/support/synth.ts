/**
 * Synthesises the Relais stack for the infra tests: once per test file (bundling the real
 * function entries with esbuild), with a fixture web build so no `npm run build:web` is needed.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, type CfnElement, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { afterAll } from 'vitest';
import { RelaisStack } from '#infra/stacks/relais-stack.ts';

export type Synthesised = { app: App; stack: RelaisStack; template: Template };

/** A CloudFormation resource of the synthesised template; `P` is the shape the test reads. */
export type TemplateResource<P = Record<string, unknown>> = {
  Type: string;
  Properties: P;
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
};

let cached: Synthesised | undefined;

const temporaryDirs: string[] = [];

/** A temporary directory removed after the test file (cloud assemblies are large). */
const temporaryDir = (label: string): string => {
  const dir = mkdtempSync(join(tmpdir(), label));
  temporaryDirs.push(dir);
  return dir;
};

afterAll(() => {
  for (const dir of temporaryDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A directory shaped like `web/dist`, holding only an `index.html`. */
export const fixtureWebDist = (): string => {
  const dir = temporaryDir('relais-web-');
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Relais</title><div id="root"></div>');
  return dir;
};

/** A bank website carrying the tracker, in the synthesised fixture. */
export const fixtureTrackerOrigin = 'https://www.banque-relais.example';

/** The synthesised stack and its template, built on first call and reused in the file. */
export const synthRelais = (): Synthesised => {
  if (cached) return cached;
  const app = new App({ outdir: temporaryDir('relais-cdk-out-') });
  const stack = new RelaisStack(app, 'Relais', {
    trackerOrigins: [fixtureTrackerOrigin],
    env: { account: '123456789012', region: 'eu-west-3' },
    webDist: fixtureWebDist(),
  });
  cached = { app, stack, template: Template.fromStack(stack) };
  return cached;
};

/** Logical id of an L2 construct's CloudFormation resource. */
export const logicalIdOf = (construct: IConstruct): string =>
  Stack.of(construct).getLogicalId(construct.node.defaultChild as CfnElement);

/** The template resource of an L2 construct. */
export const resourceOf = <P = Record<string, unknown>>(
  template: Template,
  construct: IConstruct,
): TemplateResource<P> => {
  const id = logicalIdOf(construct);
  const resource = (template.toJSON().Resources as Record<string, TemplateResource<P>>)[id];
  if (!resource) throw new Error(`No resource ${id} (${construct.node.path}) in the template`);
  return resource;
};

/** Every resource of a type, by logical id. */
export const resourcesOfType = <P = Record<string, unknown>>(
  template: Template,
  type: string,
): Record<string, TemplateResource<P>> => template.findResources(type) as Record<string, TemplateResource<P>>;
