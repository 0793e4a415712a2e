/**
 * cdk-nag's AWS Solutions rules pass on the Relais stack: no unacknowledged error or warning,
 * and every acknowledgment says why.
 */
import { Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, test } from 'vitest';
import { type Synthesised, synthRelais } from './support/synth.ts';

let synthesised: Synthesised;

beforeAll(() => {
  synthesised = synthRelais();
});

/** Every acknowledgment recorded on the construct tree, with where it was made. */
const acknowledgments = (root: IConstruct) =>
  root.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) =>
        Object.entries(entry.data as Record<string, string>).map(([id, reason]) => ({
          path: construct.node.path,
          id,
          reason,
        })),
      ),
  );

describe('cdk-nag AWS Solutions', () => {
  test.each(['error', 'warning'] as const)('reports no unacknowledged %s', (severity) => {
    // Prepare
    const checks = new AwsSolutionsChecks(undefined, { verbose: false });

    // Act
    const report = checks.validateScope(synthesised.app);
    const findings = report.violations
      .filter((violation) => violation.severity === severity)
      .map((violation) => ({
        rule: violation.ruleName,
        why: violation.description,
        where: violation.violatingResources.map((resource) => resource.constructPath),
      }));

    // Assess
    expect(findings).toEqual([]);
  });

  test('every acknowledgment carries a specific reason', () => {
    // Act
    const acknowledged = acknowledgments(synthesised.app).filter(({ id }) => id.includes('AwsSolutions-'));

    // Assess
    expect(acknowledged.length).toBeGreaterThan(0);
    for (const { path, id, reason } of acknowledged) {
      expect(reason.length, `${id} on ${path}: "${reason}"`).toBeGreaterThanOrEqual(40);
    }
  });
});
