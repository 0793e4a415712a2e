/** Which query engine this environment runs, loaded on first use (its own module: no import cycle). */
import { type EngineName, engineName, type QueryEngine } from './index.ts';

const engines = new Map<EngineName, Promise<QueryEngine>>();

/**
 * The engine of this environment, created once: Athena in the workgroup `ATHENA_WORKGROUP` on
 * the Glue database `GLUE_DATABASE`, or DuckDB over the lake bucket `LAKE_BUCKET_NAME` mirrored
 * on disk (loaded on demand, so that a Lambda bundle never needs it).
 */
export const engineFromEnvironment = (name: EngineName = engineName()): Promise<QueryEngine> => {
  let engine = engines.get(name);
  if (!engine) {
    engine =
      name === 'duckdb'
        ? import('./duckdb.ts').then((m) => m.duckdbEngineFromEnvironment())
        : import('./athena.ts').then((m) => m.athenaEngineFromEnvironment());
    engines.set(name, engine);
  }
  return engine;
};
