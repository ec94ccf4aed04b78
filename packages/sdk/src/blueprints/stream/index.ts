// Stream blueprint: bill bytes streamed (video, audio, downloads, real-time data).
export { trackStreamBytes, type TrackStreamBytesOptions } from './track-stream-bytes.js';
export { ByteCounter, createByteCounter } from './node-byte-counter.js';
export { WebByteCounter, createWebByteCounter } from './web-byte-counter.js';
export type { ByteCounterOptions } from './byte-tally.js';
