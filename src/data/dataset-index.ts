/** The list of bundled datasets the build publishes at datasets/index.json. */
export interface DatasetIndexEntry {
  id: string;
  title: string;
  /** Path of the bundle, relative to the app's base URL. */
  file: string;
  entities: number;
  relations: number;
}

/** The dataset that opens when the URL names none. */
export const DEFAULT_DATASET = 'trump-putin';
