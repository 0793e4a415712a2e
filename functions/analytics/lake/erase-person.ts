/**
 * What the analytics context does for an erasure: finds the hour partitions that hold rows about
 * the person (the lake search), then rewrites them without those rows (`erasure.ts`), in the
 * environment's lake bucket, under the partitions' leases.
 */
import { eraseFromLake, type LakeErasureReport } from './erasure.ts';
import { dynamoLeases } from './leases.ts';
import { pseudonymOf } from './privacy.ts';
import { type LakePerson, lakePartitionsAbout } from './rows-about.ts';
import { lakeBucketName, s3LakeStore } from './store.ts';

export const eraseLakeRowsAbout = async (person: LakePerson, key: string): Promise<LakeErasureReport> =>
  eraseFromLake(
    { pseudonym: pseudonymOf(person.customerId, key), anonymousIds: person.anonymousIds },
    await lakePartitionsAbout(person, key),
    { store: s3LakeStore(lakeBucketName()), leases: dynamoLeases('privacyJobs') },
  );
