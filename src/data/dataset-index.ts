/** The list of bundled datasets the build publishes at datasets/index.json. */
export interface DatasetIndexEntry {
  id: string;
  title: string;
  /** Path of the bundle, or of the compact index when `evidence` is set, relative to the app's base URL. */
  file: string;
  /** Path of the compact evidence document: set for a large dataset compiled with `--compact`. */
  evidence?: string;
  entities: number;
  relations: number;
}

/** The dataset that opens when the URL names none. */
export const DEFAULT_DATASET = 'trump-putin';
