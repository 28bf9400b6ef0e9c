/**
 * Every collection and index, declared once. The local CloudBase creates them at start-up;
 * `scripts/deploy-indexes.ts` creates the same ones in a CloudBase environment.
 */
export type IndexDirection = 1 | -1;

export interface IndexSpec {
  name: string;
  /** Field paths in key order (dot paths for nested fields). */
  keys: Record<string, IndexDirection>;
  unique?: boolean;
}

export interface CollectionSpec {
  name: string;
  indexes: IndexSpec[];
}

export const COLLECTIONS: CollectionSpec[] = [
  { name: 'orgUnits', indexes: [{ name: 'parent', keys: { parentId: 1 } }, { name: 'level', keys: { level: 1 } }] },
  { name: 'estates', indexes: [{ name: 'community', keys: { communityId: 1 } }, { name: 'property', keys: { propertyCompanyId: 1 } }] },
  { name: 'buildings', indexes: [{ name: 'code', keys: { code: 1 }, unique: true }, { name: 'grid', keys: { gridId: 1 } }] },
  { name: 'propertyCompanies', indexes: [] },
  { name: 'users', indexes: [{ name: 'roles', keys: { roles: 1 } }] },
];
