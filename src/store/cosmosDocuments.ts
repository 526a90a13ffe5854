import type { Container, ItemDefinition } from '@azure/cosmos';
import { AlreadyExistsError, ConflictError, NotFoundError, type Versioned } from '../app/versionedWrites';

const SYSTEM_PROPERTIES = ['_rid', '_self', '_etag', '_attachments', '_ts'] as const;

export function statusOf(error: unknown): number | undefined {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'number' ? code : undefined;
}

export function withoutSystemProperties<T>(resource: ItemDefinition): T {
  const copy: Record<string, unknown> = { ...resource };
  for (const name of SYSTEM_PROPERTIES) delete copy[name];
  return copy as T;
}

/**
 * Documents of one container, partitioned by their id, written with conditional writes: a create that
 * finds one is AlreadyExistsError, a replace on a stale etag ConflictError.
 */
export class CosmosDocuments<T extends { id: string }> {
  constructor(readonly container: Container) {}

  async get(id: string): Promise<Versioned<T> | undefined> {
    const response = await this.container.item(id, id).read<ItemDefinition>();
    if (response.statusCode === 404 || !response.resource) return undefined;
    return { value: withoutSystemProperties<T>(response.resource), etag: response.etag };
  }

  async create(doc: T): Promise<Versioned<T>> {
    try {
      const response = await this.container.items.create(doc);
      return { value: doc, etag: response.etag };
    } catch (error) {
      if (statusOf(error) === 409) throw new AlreadyExistsError(doc.id);
      throw error;
    }
  }

  async replace(doc: T, etag: string): Promise<Versioned<T>> {
    try {
      const response = await this.container
        .item(doc.id, doc.id)
        .replace(doc, { accessCondition: { type: 'IfMatch', condition: etag } });
      return { value: doc, etag: response.etag };
    } catch (error) {
      if (statusOf(error) === 412) throw new ConflictError(doc.id);
      if (statusOf(error) === 404) throw new NotFoundError(doc.id);
      throw error;
    }
  }

  /** Deletes the document; one that is already gone is not an error. */
  async delete(id: string): Promise<void> {
    try {
      await this.container.item(id, id).delete();
    } catch (error) {
      if (statusOf(error) !== 404) throw error;
    }
  }

  async query(query: string, parameters: { name: string; value: string }[]): Promise<Versioned<T>[]> {
    const { resources } = await this.container.items.query<ItemDefinition>({ query, parameters }).fetchAll();
    return resources.map((r) => ({ value: withoutSystemProperties<T>(r), etag: String(r._etag) }));
  }
}
