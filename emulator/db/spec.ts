/** What the local database is told to create: collections and their indexes, handed in by whoever starts it. */
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
