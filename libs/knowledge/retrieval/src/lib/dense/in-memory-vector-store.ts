import {
  KIND_FIELD,
  wantsEveryKind,
  type VectorHit,
  type VectorPayload,
  type VectorPoint,
  type VectorSearchOptions,
  type VectorStore,
} from './vector-store';

/**
 * Exact cosine search held in memory, for installs without Qdrant. Vectors are normalised on the
 * way in and packed into one Float32Array per collection (4 bytes a dimension: about 300 MB for
 * 100k vectors of 768), so a search is one pass of dot products over contiguous memory.
 */
export class InMemoryVectorStore implements VectorStore {
  private readonly collections = new Map<string, PackedCollection>();

  async ensureCollection(name: string, dimensions: number): Promise<void> {
    const existing = this.collections.get(name);
    if (existing) {
      if (existing.dimensions !== dimensions) {
        throw new Error(`vector collection "${name}" holds ${existing.dimensions}-dimensional vectors, not ${dimensions}`);
      }
      return;
    }
    if (!Number.isInteger(dimensions) || dimensions <= 0) {
      throw new Error(`vector size must be a positive integer, got ${dimensions}`);
    }
    this.collections.set(name, new PackedCollection(name, dimensions));
  }

  async upsert(name: string, points: readonly VectorPoint[]): Promise<void> {
    const collection = this.collection(name);
    // Check every point first so a bad batch changes nothing.
    const vectors = points.map((point) => collection.normalise(point.id, point.vector));
    points.forEach((point, i) => collection.put(point.id, vectors[i], point.payload));
  }

  async search(name: string, vector: readonly number[], options: VectorSearchOptions): Promise<VectorHit[]> {
    const collection = this.collection(name);
    return collection.search(collection.normalise('the query', vector), options);
  }

  async payloads(name: string, ids: readonly string[]): Promise<Map<string, VectorPayload>> {
    const collection = this.collection(name);
    const found = new Map<string, VectorPayload>();
    for (const id of ids) {
      const payload = collection.payloadOf(id);
      if (payload) found.set(id, payload);
    }
    return found;
  }

  async count(name: string): Promise<number> {
    return this.collection(name).size;
  }

  async deleteCollection(name: string): Promise<void> {
    this.collections.delete(name);
  }

  async listCollections(): Promise<string[]> {
    return [...this.collections.keys()];
  }

  private collection(name: string): PackedCollection {
    const collection = this.collections.get(name);
    if (!collection) throw new Error(`no vector collection "${name}"`);
    return collection;
  }
}

const INITIAL_ROWS = 1024;

/** Rows of one collection: vector i lives at [i * dimensions, (i + 1) * dimensions). */
class PackedCollection {
  private vectors: Float32Array;
  private readonly ids: string[] = [];
  private readonly payloadRows: VectorPayload[] = [];
  private readonly rowById = new Map<string, number>();

  constructor(
    private readonly name: string,
    readonly dimensions: number,
  ) {
    this.vectors = new Float32Array(INITIAL_ROWS * dimensions);
  }

  get size(): number {
    return this.ids.length;
  }

  normalise(label: string, vector: readonly number[]): Float32Array {
    if (vector.length !== this.dimensions) {
      throw new Error(`vector of ${label} has ${vector.length} dimensions; collection "${this.name}" holds ${this.dimensions}`);
    }
    let squares = 0;
    for (const value of vector) {
      if (!Number.isFinite(value)) throw new Error(`vector of ${label} contains ${value}`);
      squares += value * value;
    }
    // A zero vector stays zero: it is similar to nothing rather than a division by zero.
    const scale = squares > 0 ? 1 / Math.sqrt(squares) : 0;
    // A plain loop: Float32Array.from with a mapping callback is many times slower on large batches.
    const unit = new Float32Array(vector.length);
    for (let d = 0; d < vector.length; d++) unit[d] = vector[d] * scale;
    return unit;
  }

  put(id: string, unit: Float32Array, payload: VectorPayload): void {
    let row = this.rowById.get(id);
    if (row === undefined) {
      row = this.ids.length;
      this.growTo(row + 1);
      this.ids.push(id);
      this.payloadRows.push({});
      this.rowById.set(id, row);
    }
    this.vectors.set(unit, row * this.dimensions);
    // Copied so a caller changing its object later cannot change what is stored.
    this.payloadRows[row] = { ...payload };
  }

  payloadOf(id: string): VectorPayload | undefined {
    const row = this.rowById.get(id);
    return row === undefined ? undefined : { ...this.payloadRows[row] };
  }

  search(query: Float32Array, { k, kinds }: VectorSearchOptions): VectorHit[] {
    const allowed = wantsEveryKind(kinds) ? null : new Set(kinds);
    const best = new TopK(k);
    const { dimensions, vectors } = this;
    for (let row = 0; row < this.ids.length; row++) {
      if (allowed && !allowed.has(this.payloadRows[row][KIND_FIELD] as string)) continue;
      let dot = 0;
      const start = row * dimensions;
      for (let d = 0; d < dimensions; d++) dot += vectors[start + d] * query[d];
      best.offer(row, dot);
    }
    return best.ranked().map(({ row, score }) => ({ id: this.ids[row], score, payload: { ...this.payloadRows[row] } }));
  }

  private growTo(rows: number): void {
    if (rows * this.dimensions <= this.vectors.length) return;
    const larger = new Float32Array(Math.max(rows, this.ids.length * 2) * this.dimensions);
    larger.set(this.vectors);
    this.vectors = larger;
  }
}

/** The k best rows seen so far, kept sorted; most rows fail the first comparison, so k stays cheap. */
class TopK {
  private readonly rows: number[] = [];
  private readonly scores: number[] = [];

  constructor(private readonly k: number) {}

  offer(row: number, score: number): void {
    if (this.k <= 0) return;
    if (this.scores.length === this.k && score <= this.scores[this.k - 1]) return;
    let at = this.scores.length;
    // Ties keep the earlier row ahead, so equal scores rank in insertion order.
    while (at > 0 && this.scores[at - 1] < score) at--;
    this.rows.splice(at, 0, row);
    this.scores.splice(at, 0, score);
    if (this.scores.length > this.k) {
      this.rows.pop();
      this.scores.pop();
    }
  }

  ranked(): Array<{ row: number; score: number }> {
    return this.rows.map((row, i) => ({ row, score: this.scores[i] }));
  }
}
