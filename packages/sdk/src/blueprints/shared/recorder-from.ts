import { Ingestion } from '../../client/ingestion.js';
import type { IngestionConfig } from '../../client/config.js';
import type { UsageRecorder } from '../../types.js';

/** A blueprint takes a ready recorder (an Ingestion or a Batch) or the config for one. */
export type RecorderOrConfig = { recorder: UsageRecorder } | ({ recorder?: undefined } & IngestionConfig);

export function recorderFrom(options: RecorderOrConfig): UsageRecorder {
  return options.recorder ?? new Ingestion(options);
}
