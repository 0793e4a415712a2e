/** Secrets of the sandbox, generated once like the stack's. */
import { randomInt } from 'node:crypto';
import {
  CreateSecretCommand,
  DescribeSecretCommand,
  type SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { isMissing } from './missing.ts';
import type { PlannedSecret } from './plan.ts';

const secretAlphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Random letters and digits, like `generateSecretString` with `excludePunctuation`. */
export const randomSecret = (length: number): string =>
  Array.from({ length }, () => secretAlphabet[randomInt(secretAlphabet.length)]).join('');

/** Creates the secret with a random value the first time only; answers its ARN. */
export const ensureSecret = async (client: SecretsManagerClient, secret: PlannedSecret): Promise<string> => {
  const describe = async () => {
    try {
      return (await client.send(new DescribeSecretCommand({ SecretId: secret.name }))).ARN;
    } catch (error) {
      if (isMissing(error, 'ResourceNotFoundException')) return undefined;
      throw error;
    }
  };
  const existing = await describe();
  if (existing) return existing;
  try {
    const created = await client.send(
      new CreateSecretCommand({
        Name: secret.name,
        Description: secret.description,
        SecretString: randomSecret(secret.length),
      }),
    );
    if (created.ARN) return created.ARN;
  } catch (error) {
    // Another process provisioning the same sandbox created it first: its value stands.
    if (!isMissing(error, 'ResourceExistsException')) throw error;
  }
  const arn = await describe();
  if (!arn) throw new Error(`Secrets Manager gave no ARN for secret ${secret.name}`);
  return arn;
};
