import type { UsageRecorder } from '../../types.js';
import type { Metadata } from '../shared/types.js';

export interface TrackObjectStorageOptions {
  customerId: string;
  /** Number of bytes uploaded (or stored). */
  bytes?: number;
  bucket?: string;
  key?: string;
  /** e.g. 'PutObject', 'CompleteMultipartUpload', 'upload'. */
  operation?: string;
  eventName?: string;
  eventId?: string;
  timestamp?: Date | string | number;
  metadata?: Metadata;
}

/**
 * Records an object-storage upload (S3, GCS, Azure Blob...). As upstream,
 * `bytes` is the metadata key to sum; bucket, key and operation are added
 * when given. These are written after `metadata`, so it cannot override them.
 */
export async function trackObjectStorage(recorder: UsageRecorder, options: TrackObjectStorageOptions): Promise<void> {
  const { bytes, bucket, key, operation } = options;
  if (bytes !== undefined && (!Number.isSafeInteger(bytes) || bytes < 0)) {
    throw new RangeError(`trackObjectStorage: bytes must be a whole number ≥ 0, got ${bytes}`);
  }
  const metadata: Metadata = { ...options.metadata };
  if (bytes !== undefined) metadata.bytes = bytes;
  if (bucket !== undefined) metadata.bucket = bucket;
  if (key !== undefined) metadata.key = key;
  if (operation !== undefined) metadata.operation = operation;
  await recorder.track({
    customerId: options.customerId,
    eventName: options.eventName,
    eventId: options.eventId,
    timestamp: options.timestamp,
    metadata,
  });
}
