import type { UsageRecorder } from '../../types.js';
import { report, reportFailure, warnOnError } from '../shared/report.js';
import type { Metadata, TrackErrorHandler } from '../shared/types.js';
import { uploadSize } from './body-size.js';
import { MultipartParts } from './multipart-parts.js';

/** What is known of a successful upload when it is recorded. */
export interface UploadInfo {
  operation: 'PutObject' | 'CompleteMultipartUpload';
  bucket?: string;
  key?: string;
  bytes: number;
  /** The command's input, e.g. to read Metadata or Tagging. */
  input: Record<string, unknown>;
}

export type Input = Record<string, any>;

/** Passed to onError when an upload succeeded but its size could not be known. */
export class UploadSizeUnknownError extends Error {
  override readonly name = 'UploadSizeUnknownError';
}

/** Builds the per-operation observers; returns one only for the operations that count. */
export function makeObservers(options: WrapS3ClientOptions) {
  const parts = new MultipartParts();
  const onError = options.onError ?? warnOnError;
  const record = (info: UploadInfo) => {
    const customerId = typeof options.customerId === 'function' ? options.customerId(info) : options.customerId;
    if (customerId === undefined) return;
    const metadata: Metadata = { ...options.metadata, bytes: info.bytes, operation: info.operation };
    if (info.bucket !== undefined) metadata.bucket = info.bucket;
    if (info.key !== undefined) metadata.key = info.key;
    void report(options.recorder, { customerId, eventName: options.eventName, timestamp: new Date(), metadata }, onError);
  };
  const unknown = (what: string) => reportFailure(onError, new UploadSizeUnknownError(`${what}: size unknown, not recorded (give ContentLength)`));

  return (operation: string | undefined, input: Input): ((output: Input) => void) | undefined => {
    const where = { bucket: input.Bucket as string | undefined, key: input.Key as string | undefined, input };
    switch (operation) {
      case 'PutObject':
        return (output) => {
          const bytes = uploadSize(input) ?? (typeof output?.Size === 'number' ? output.Size : undefined);
          if (bytes === undefined) unknown(`PutObject ${where.bucket}/${where.key}`);
          else record({ operation, bytes, ...where });
        };
      case 'UploadPart':
        return () => parts.addPart(String(input.UploadId), Number(input.PartNumber), uploadSize(input) ?? Number.NaN);
      case 'CompleteMultipartUpload':
        return () => {
          const listed = (input.MultipartUpload?.Parts as Array<{ PartNumber?: number }> | undefined)?.map((p) => Number(p.PartNumber));
          const bytes = parts.take(String(input.UploadId), listed);
          if (bytes === undefined || !Number.isFinite(bytes)) unknown(`multipart upload ${where.bucket}/${where.key}`);
          else record({ operation, bytes, ...where });
        };
      case 'AbortMultipartUpload':
        return () => parts.forget(String(input.UploadId));
      default:
        return undefined;
    }
  };
}

export interface WrapS3ClientOptions {
  recorder: UsageRecorder;
  /** The customer to bill, or a function choosing one per upload (undefined: don't record). */
  customerId: string | ((upload: UploadInfo) => string | undefined);
  eventName?: string;
  metadata?: Metadata;
  /** Failures of recording, and uploads whose size could not be known. Default: console.warn. */
  onError?: TrackErrorHandler;
}
