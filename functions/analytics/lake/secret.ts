/**
 * The pseudonymisation key: a secret generated at deployment (Secrets Manager, encrypted with
 * its own KMS key), read through Powertools Parameters and kept in memory for a while, so a
 * batch costs no Secrets Manager call. The key is never rotated in place: a new key would give
 * every customer a new pseudonym and cut the lake's history in two (see docs).
 */
import { getSecret } from '@aws-lambda-powertools/parameters/secrets';
import { envName } from '#infra/declaration.ts';

/** Seconds the key stays cached in an execution environment. */
const cacheSeconds = 15 * 60;

/** Shorter keys are refused: HMAC keys should carry at least 256 bits. */
const minimumKeyLength = 32;

/** The HMAC key of the customer pseudonyms in the lake. */
export const pseudonymKey = async (): Promise<string> => {
  const variable = envName.secret('pseudonymKey');
  const arn = process.env[variable];
  if (!arn)
    throw new Error(`Environment variable ${variable} is not set: is the function bound to the secret?`);
  const value = await getSecret(arn, { maxAge: cacheSeconds });
  if (typeof value !== 'string' || value.length < minimumKeyLength) {
    throw new Error(
      `The pseudonymisation key (${arn}) is missing or shorter than ${minimumKeyLength} characters`,
    );
  }
  return value;
};
