// Object-storage blueprint: bill bytes uploaded (S3 and compatible stores, or any store by hand).
export { trackObjectStorage, type TrackObjectStorageOptions } from './track-object-storage.js';
export { wrapS3Client, UploadSizeUnknownError, type UploadInfo, type WrapS3ClientOptions } from './wrap-s3-client.js';
