/**
 * The bank's directory, read by every context: branches and staff (who belongs to which
 * branch). Kept in the main table (`directoryKeys`); written by the seed or an HR import.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { Branch } from '#schemas/platform/directory.ts';
import { type Role, Role as RoleSchema } from '#schemas/roles.ts';
import * as z from '#schemas/zod.ts';
import { documents } from './clients/dynamodb.ts';
import { tableName } from './env.ts';
import { queryAll } from './query-all.ts';
import { directoryKeys } from './table/main-table.ts';

const StaffRecord = z.object({
  id: z.string(),
  name: z.string(),
  roles: z.array(RoleSchema),
  branchId: z.optional(z.string()),
});
export type StaffRecord = { id: string; name: string; roles: Role[]; branchId?: string };

export const listBranches = async (): Promise<Branch[]> => {
  const items = await queryAll({
    TableName: tableName('main'),
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
    ExpressionAttributeValues: { ':pk': directoryKeys.pk, ':sk': directoryKeys.branchPrefix },
  });
  return items.map((item) => Branch.parse(item));
};

/** The advisors and the manager of a branch, by name (the directory is a few hundred people). */
export const listBranchAdvisors = async (branchId: string): Promise<StaffRecord[]> => {
  const items = await queryAll({
    TableName: tableName('main'),
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
    ExpressionAttributeValues: { ':pk': directoryKeys.pk, ':sk': directoryKeys.staffPrefix },
  });
  return items
    .map((item) => StaffRecord.parse(item))
    .filter(
      (member) =>
        member.branchId === branchId &&
        member.roles.some((role) => role === 'advisor' || role === 'branch_manager'),
    )
    .sort((a, b) => a.name.localeCompare(b.name, 'fr'));
};

export const getStaffMember = async (id: string): Promise<StaffRecord | undefined> => {
  const result = await documents.send(
    new GetCommand({
      TableName: tableName('main'),
      Key: { pk: directoryKeys.pk, sk: directoryKeys.staffSk(id) },
    }),
  );
  return result.Item ? StaffRecord.parse(result.Item) : undefined;
};
