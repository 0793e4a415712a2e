/**
 * Secrets generated at deployment, one per entry of `secrets` in the declaration: 64 random
 * characters in Secrets Manager, encrypted with a customer-managed KMS key (rotated yearly) so
 * that reading one takes both a grant on the secret and one on the key. Nobody types or sees
 * them; functions read them at cold start (`RelaisFunction.bindSecret`).
 */
import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { type SecretName, secrets } from '../declaration/storage.ts';

/** Length of a generated secret: 64 letters and digits, about 380 bits. */
export const generatedSecretLength = 64;

const pascal = (name: string) => `${name[0]?.toUpperCase()}${name.slice(1)}`;

/** The declared secrets and the KMS key that encrypts them. */
export class Secrets extends Construct {
  readonly key: Key;
  readonly secrets: Record<SecretName, Secret>;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.key = new Key(this, 'Key', {
      description: 'Encrypts the Relais secrets (Secrets Manager)',
      enableKeyRotation: true,
      // Without the key the secrets are lost, and with them the lake's pseudonyms.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.secrets = Object.fromEntries(
      (Object.keys(secrets) as SecretName[]).map((name) => {
        const secret = new Secret(this, pascal(name), {
          description: secrets[name].description,
          encryptionKey: this.key,
          generateSecretString: {
            passwordLength: generatedSecretLength,
            excludePunctuation: true,
            includeSpace: false,
          },
          removalPolicy: RemovalPolicy.RETAIN,
        });
        Validations.of(secret).acknowledge({
          id: 'AwsSolutions-SMG4',
          reason:
            "Not rotated on a schedule: data is derived from these keys (pseudonymKey: every customer pseudonym in the lake) or shared with another system (identityKey: the bank's login service signs with it), so changing one is a coordinated change, never a timer.",
        });
        return [name, secret];
      }),
    ) as Record<SecretName, Secret>;
  }
}
