/** Groups (cohorts): an instructor owns each; trainees are its members. */
import { randomUUID } from 'node:crypto';
import { and, asc, count, eq } from 'drizzle-orm';
import type { Db } from '../db/database';
import { groupMembers, groups, users } from '../db/schema';

export function createGroupStore(db: Db) {
  async function members(groupId: string) {
    return db
      .select({ id: users.id, email: users.email, displayName: users.displayName, addedAt: groupMembers.addedAt })
      .from(groupMembers)
      .innerJoin(users, eq(users.id, groupMembers.userId))
      .where(eq(groupMembers.groupId, groupId))
      .orderBy(asc(users.displayName));
  }
  async function get(groupId: string) {
    const [row] = await db
      .select({ id: groups.id, name: groups.name, ownerId: groups.ownerId, ownerName: users.displayName, createdAt: groups.createdAt })
      .from(groups)
      .innerJoin(users, eq(users.id, groups.ownerId))
      .where(eq(groups.id, groupId))
      .limit(1);
    return row;
  }
  return {
    get,
    members,
    /** Groups with member counts; only the owner's unless ownerId is undefined (an admin sees all). */
    async list(ownerId: string | undefined) {
      return db
        .select({
          id: groups.id,
          name: groups.name,
          ownerId: groups.ownerId,
          ownerName: users.displayName,
          createdAt: groups.createdAt,
          members: count(groupMembers.userId),
        })
        .from(groups)
        .innerJoin(users, eq(users.id, groups.ownerId))
        .leftJoin(groupMembers, eq(groupMembers.groupId, groups.id))
        .where(ownerId ? eq(groups.ownerId, ownerId) : undefined)
        .groupBy(groups.id, users.displayName)
        .orderBy(asc(groups.name));
    },
    async create(name: string, ownerId: string) {
      const id = randomUUID();
      await db.insert(groups).values({ id, name, ownerId });
      return id;
    },
    async addMember(groupId: string, userId: string) {
      await db.insert(groupMembers).values({ groupId, userId }).onConflictDoNothing();
    },
    async removeMember(groupId: string, userId: string) {
      await db.delete(groupMembers).where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.userId, userId)));
    },
  };
}
export type GroupStore = ReturnType<typeof createGroupStore>;
