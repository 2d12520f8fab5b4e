/**
 * One TF-IDF vector space over the training examples and the per-intent centroids, with an inverted index
 * so that a message is compared with all of them in one pass over its own features.
 *
 * Document frequency is counted per intent, not per example: a word that every topic uses ("traces",
 * "account") gets a low weight however many phrases repeat it within one topic.
 */

interface Postings {
  docs: Int32Array;
  weights: Float32Array;
}

type SparseVector = Map<number, number>;

export class TfIdfSpace {
  private readonly vocabulary = new Map<string, number>();
  private readonly idf: number[] = [];
  private readonly postings: Postings[] = [];
  /** Weight given to a feature no training phrase has: as rare as a feature of one intent. */
  private readonly unknownIdf: number;
  private documents = 0;

  /**
   * @param examples term counts of each training example
   * @param intentOf index of the intent of each example (0 … intentCount-1)
   */
  constructor(examples: ReadonlyArray<Map<string, number>>, intentOf: readonly number[], intentCount: number) {
    const intentsWith: Array<Set<number>> = [];
    for (const [i, counts] of examples.entries()) {
      for (const term of counts.keys()) {
        const id = this.idOf(term);
        (intentsWith[id] ??= new Set()).add(intentOf[i]);
      }
    }
    for (const intents of intentsWith) this.idf.push(Math.log(1 + intentCount / intents.size));
    this.unknownIdf = Math.log(1 + intentCount);

    const exampleVectors = examples.map((counts) => this.vectorOf(counts).vector);
    const centroids = centroidsOf(exampleVectors, intentOf, intentCount);
    this.buildPostings([...exampleVectors, ...centroids]);
  }

  /** Number of documents `addCosines` writes: the examples, then one centroid per intent. */
  get documentCount(): number {
    return this.documents;
  }

  /** Adds `weight` × cosine(message, document) to `out[document]` for every document sharing a feature. */
  addCosines(query: Map<string, number>, out: Float64Array, weight: number): void {
    const { vector, norm } = this.vectorOf(query, true);
    if (norm === 0) return;
    for (const [id, value] of vector) {
      const list = this.postings[id];
      if (list === undefined) continue;
      const scaled = (weight * value) / norm;
      for (let k = 0; k < list.docs.length; k++) out[list.docs[k]] += scaled * list.weights[k];
    }
  }

  private idOf(term: string): number {
    let id = this.vocabulary.get(term);
    if (id === undefined) {
      id = this.vocabulary.size;
      this.vocabulary.set(term, id);
    }
    return id;
  }

  /**
   * Sublinear TF × IDF. Training vectors come back normalised; for a message, unknown features count in the
   * norm (so a message full of words no topic uses scores low) and the caller divides by `norm`.
   */
  private vectorOf(counts: Map<string, number>, isQuery = false): { vector: SparseVector; norm: number } {
    const vector: SparseVector = new Map();
    let squares = 0;
    for (const [term, count] of counts) {
      const id = this.vocabulary.get(term);
      const idf = id === undefined ? this.unknownIdf : this.idf[id];
      const value = (1 + Math.log(count)) * idf;
      squares += value * value;
      if (id !== undefined) vector.set(id, value);
    }
    const norm = Math.sqrt(squares);
    if (isQuery || norm === 0) return { vector, norm };
    for (const [id, value] of vector) vector.set(id, value / norm);
    return { vector, norm: 1 };
  }

  private buildPostings(documents: SparseVector[]): void {
    this.documents = documents.length;
    const lists: Array<{ docs: number[]; weights: number[] }> = [];
    documents.forEach((vector, doc) => {
      for (const [id, value] of vector) {
        const list = (lists[id] ??= { docs: [], weights: [] });
        list.docs.push(doc);
        list.weights.push(value);
      }
    });
    for (const [id, list] of lists.entries()) {
      if (list === undefined) continue;
      this.postings[id] = { docs: Int32Array.from(list.docs), weights: Float32Array.from(list.weights) };
    }
  }
}

/** The normalised mean of each intent's example vectors. */
function centroidsOf(vectors: SparseVector[], intentOf: readonly number[], intentCount: number): SparseVector[] {
  const sums: SparseVector[] = Array.from({ length: intentCount }, () => new Map());
  vectors.forEach((vector, i) => {
    const sum = sums[intentOf[i]];
    for (const [id, value] of vector) sum.set(id, (sum.get(id) ?? 0) + value);
  });
  return sums.map((sum) => {
    let squares = 0;
    for (const value of sum.values()) squares += value * value;
    const norm = Math.sqrt(squares);
    const out: SparseVector = new Map();
    if (norm > 0) for (const [id, value] of sum) out.set(id, value / norm);
    return out;
  });
}
