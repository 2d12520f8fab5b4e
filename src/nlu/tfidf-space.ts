/**
 * One TF-IDF vector space over the training examples and the per-intent centroids, with an inverted index
 * so that a message is compared with all of them in one pass over its own features.
 *
 * Document frequency is counted per intent, not per example: a word that every topic uses ("traces",
 * "account") gets a low weight however many phrases repeat it within one topic.
 * Postings are stored flat (one offsets array, one docs array, one weights array): start-up stays fast and
 * light on garbage collection with tens of thousands of character n-grams.
 */

/** Sparse vector as parallel arrays of feature ids and values. */
interface Sparse {
  ids: number[];
  values: number[];
}

export class TfIdfSpace {
  private readonly vocabulary = new Map<string, number>();
  private readonly idf: Float64Array;
  /** Weight given to a feature no training phrase has: as rare as a feature of one intent. */
  private readonly unknownIdf: number;
  private readonly offsets: Int32Array;
  private readonly docs: Int32Array;
  private readonly weights: Float32Array;
  /** Number of documents `addCosines` writes: the examples, then one centroid per intent. */
  readonly documentCount: number;

  /**
   * @param examples term counts of each training example, grouped by intent
   * @param intentOf index of the intent of each example (0 … intentCount-1), non-decreasing
   */
  constructor(examples: ReadonlyArray<Map<string, number>>, intentOf: readonly number[], intentCount: number) {
    for (let i = 1; i < intentOf.length; i++) {
      if (intentOf[i] < intentOf[i - 1]) throw new Error('TfIdfSpace needs the examples grouped by intent.');
    }
    const counted: Sparse[] = examples.map((counts) => {
      const ids: number[] = [];
      const values: number[] = [];
      for (const [term, count] of counts) {
        ids.push(this.idOf(term));
        values.push(count);
      }
      return { ids, values };
    });
    this.idf = intentIdf(counted, intentOf, intentCount, this.vocabulary.size);
    this.unknownIdf = Math.log(1 + intentCount);
    const vectors = counted.map((c) => normalized(this.weigh(c)));
    const documents = [...vectors, ...centroidsOf(vectors, intentOf, intentCount)];
    this.documentCount = documents.length;
    const { offsets, docs, weights } = flatPostings(documents, this.vocabulary.size);
    this.offsets = offsets;
    this.docs = docs;
    this.weights = weights;
  }

  /** Adds `weight` × cosine(message, document) to `out[document]` for every document sharing a feature. */
  addCosines(query: Map<string, number>, out: Float64Array, weight: number): void {
    let squares = 0;
    const known: Array<[number, number]> = [];
    for (const [term, count] of query) {
      const id = this.vocabulary.get(term);
      // unknown features count in the norm: a message full of words no topic uses scores low everywhere
      const value = (1 + Math.log(count)) * (id === undefined ? this.unknownIdf : this.idf[id]);
      squares += value * value;
      if (id !== undefined) known.push([id, value]);
    }
    if (squares === 0) return;
    const scale = weight / Math.sqrt(squares);
    for (const [id, value] of known) {
      const factor = scale * value;
      for (let k = this.offsets[id]; k < this.offsets[id + 1]; k++) out[this.docs[k]] += factor * this.weights[k];
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

  /** Sublinear term frequency × inverse intent frequency. */
  private weigh(counts: Sparse): Sparse {
    return { ids: counts.ids, values: counts.values.map((count, k) => (1 + Math.log(count)) * this.idf[counts.ids[k]]) };
  }
}

/** ln(1 + intents / intents using the feature); examples must be grouped by intent. */
function intentIdf(counted: Sparse[], intentOf: readonly number[], intentCount: number, size: number): Float64Array {
  const intentsUsing = new Int32Array(size);
  const lastIntent = new Int32Array(size).fill(-1);
  counted.forEach((c, i) => {
    for (const id of c.ids) {
      if (lastIntent[id] === intentOf[i]) continue;
      lastIntent[id] = intentOf[i];
      intentsUsing[id]++;
    }
  });
  return Float64Array.from(intentsUsing, (n) => Math.log(1 + intentCount / Math.max(1, n)));
}

function normalized(vector: Sparse): Sparse {
  const norm = Math.sqrt(vector.values.reduce((sum, v) => sum + v * v, 0));
  return norm === 0 ? vector : { ids: vector.ids, values: vector.values.map((v) => v / norm) };
}

/** The normalised mean of each intent's example vectors. */
function centroidsOf(vectors: Sparse[], intentOf: readonly number[], intentCount: number): Sparse[] {
  const sums = Array.from({ length: intentCount }, () => new Map<number, number>());
  vectors.forEach((vector, i) => {
    const sum = sums[intentOf[i]];
    vector.ids.forEach((id, k) => sum.set(id, (sum.get(id) ?? 0) + vector.values[k]));
  });
  return sums.map((sum) => normalized({ ids: [...sum.keys()], values: [...sum.values()] }));
}

/** Inverted index in compressed-row form: the documents of feature f are docs[offsets[f] … offsets[f+1]-1]. */
function flatPostings(documents: Sparse[], size: number): { offsets: Int32Array; docs: Int32Array; weights: Float32Array } {
  const offsets = new Int32Array(size + 1);
  for (const d of documents) for (const id of d.ids) offsets[id + 1]++;
  for (let f = 0; f < size; f++) offsets[f + 1] += offsets[f];
  const fill = offsets.slice(0, size);
  const docs = new Int32Array(offsets[size]);
  const weights = new Float32Array(offsets[size]);
  documents.forEach((d, doc) => {
    d.ids.forEach((id, k) => {
      docs[fill[id]] = doc;
      weights[fill[id]] = d.values[k];
      fill[id]++;
    });
  });
  return { offsets, docs, weights };
}
