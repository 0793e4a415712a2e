/**
 * The declared secrets (`secrets` in `infra/declaration/storage.ts`): generated at deployment in Secrets
 * Manager, encrypted with their own KMS key, read through Powertools Parameters and kept in
 * memory for a while, so a request or a batch costs no Secrets Manager call.
 */
import { getSecret } from '@aws-lambda-powertools/parameters/secrets';
import type { SecretName } from '#infra/declaration/storage.ts';
import { secretArn } from './env.ts';

/** Seconds a secret stays cached in an execution environment. */
const cacheSeconds = 15 * 60;

/** Shorter keys are refused: HMAC keys should carry at least 256 bits. */
const minimumKeyLength = 32;

/** A declared secret's value, which the function must be bound to (its ARN in the environment). */
export const secretValue = async (name: SecretName): Promise<string> => {
  const arn = secretArn(name);
  const value = await getSecret(arn, { maxAge: cacheSeconds });
  if (typeof value !== 'string' || value.length < minimumKeyLength) {
    throw new Error(`The secret ${name} (${arn}) is missing or shorter than ${minimumKeyLength} characters`);
  }
  return value;
};
