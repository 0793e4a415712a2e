/**
 * What the analytics context does for an erasure, once the person's tombstones are written:
 * waits for the archiver's batches begun before them (`running-batches.ts`), finds the hour
 * partitions that hold rows about the person (the lake search), then rewrites them without those
 * rows (`erasure.ts`), in the environment's lake bucket, under the partitions' leases.
 */
import { eraseFromLake, type LakeErasureReport } from './erasure.ts';
import { dynamoLeases } from './leases.ts';
import { pseudonymOf } from './privacy.ts';
import { type LakePerson, lakePartitionsAbout } from './rows-about.ts';
import { archiverBatchesBefore } from './running-batches.ts';
import { lakeBucketName, s3LakeStore } from './store.ts';

export const eraseLakeRowsAbout = async (
  person: LakePerson,
  key: string,
  tombstonesWritten: Date,
): Promise<LakeErasureReport> => {
  await archiverBatchesBefore(tombstonesWritten);
  return eraseFromLake(
    { pseudonym: pseudonymOf(person.customerId, key), anonymousIds: person.anonymousIds },
    await lakePartitionsAbout(person, key),
    { store: s3LakeStore(lakeBucketName()), leases: dynamoLeases('privacyJobs') },
  );
};
