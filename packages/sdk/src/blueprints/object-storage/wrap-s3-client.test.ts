import {
  AbortMultipartUploadCommand, CompleteMultipartUploadCommand, CreateMultipartUploadCommand, PutObjectCommand, S3Client, S3ServiceException, UploadPartCommand,
} from '@aws-sdk/client-s3';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MemoryRecorder } from '../testing/memory-recorder.js';
import { FakeS3Server } from './testing/fake-s3-server.js';
import { UploadSizeUnknownError, wrapS3Client } from './wrap-s3-client.js';

let fake: FakeS3Server;
let s3: S3Client;
let rec: MemoryRecorder;
let errors: unknown[];

beforeAll(async () => {
  fake = await FakeS3Server.start();
  s3 = new S3Client({
    region: 'us-east-1', endpoint: fake.url, forcePathStyle: true, maxAttempts: 1,
    credentials: { accessKeyId: 'AKIAFAKE', secretAccessKey: 'fake-secret' },
  });
});
afterAll(async () => {
  s3.destroy();
  await fake.close();
});
beforeEach(() => {
  rec = new MemoryRecorder();
  errors = [];
});

const wrap = (customerId: Parameters<typeof wrapS3Client>[1]['customerId'] = 'cus_s3') =>
  wrapS3Client(s3, { recorder: rec, customerId, eventName: 'storage.upload', metadata: { tier: 'hot' }, onError: (e) => errors.push(e) });

describe('wrapS3Client', () => {
  it('records a successful PutObject in bytes and returns the output unchanged', async () => {
    const client = wrap();
    const out = await client.send(new PutObjectCommand({ Bucket: 'media', Key: 'a/b.txt', Body: 'héllo' }));
    expect(out.ETag).toBe('"d41d8cd98f00b204e9800998ecf8427e"');
    await expect.poll(() => rec.events.length).toBe(1);
    expect(rec.events[0]).toMatchObject({ customerId: 'cus_s3', eventName: 'storage.upload' });
    expect(rec.metadata()).toEqual({ tier: 'hot', bytes: 6, operation: 'PutObject', bucket: 'media', key: 'a/b.txt' });
  });

  it('uses ContentLength for a stream body', async () => {
    const client = wrap();
    await client.send(new PutObjectCommand({ Bucket: 'media', Key: 'big.bin', Body: Readable.from([Buffer.alloc(4096)]), ContentLength: 4096 }));
    await expect.poll(() => rec.events.length).toBe(1);
    expect(rec.metadata().bytes).toBe(4096);
    expect(fake.requests.at(-1)!.bodyBytes).toBeGreaterThanOrEqual(4096);
  });

  it('records nothing for a failed upload and passes the S3 error through', async () => {
    const client = wrap();
    fake.failNext = { status: 403, code: 'AccessDenied', message: 'Access Denied' };
    const err = await client.send(new PutObjectCommand({ Bucket: 'media', Key: 'x', Body: 'data' })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(S3ServiceException);
    expect((err as S3ServiceException).name).toBe('AccessDenied');
    await new Promise((r) => setTimeout(r, 20));
    expect(rec.events).toHaveLength(0);
    expect(errors).toHaveLength(0);
  });

  it('counts a multipart upload once, at completion, as the sum of its parts', async () => {
    const client = wrap((u) => (u.bucket === 'media' ? 'cus_mp' : undefined));
    const { UploadId } = await client.send(new CreateMultipartUploadCommand({ Bucket: 'media', Key: 'video.mp4' }));
    await client.send(new UploadPartCommand({ Bucket: 'media', Key: 'video.mp4', UploadId, PartNumber: 1, Body: Buffer.alloc(5000) }));
    // Part 2 fails once, then succeeds: only the successful upload counts.
    fake.failNext = { status: 500, code: 'InternalError', message: 'try again' };
    await expect(client.send(new UploadPartCommand({ Bucket: 'media', Key: 'video.mp4', UploadId, PartNumber: 2, Body: Buffer.alloc(3000) }))).rejects.toThrow();
    await client.send(new UploadPartCommand({ Bucket: 'media', Key: 'video.mp4', UploadId, PartNumber: 2, Body: Buffer.alloc(3000) }));
    expect(rec.events).toHaveLength(0);
    await client.send(new CompleteMultipartUploadCommand({
      Bucket: 'media', Key: 'video.mp4', UploadId, MultipartUpload: { Parts: [{ PartNumber: 1, ETag: 'e1' }, { PartNumber: 2, ETag: 'e2' }] },
    }));
    await expect.poll(() => rec.events.length).toBe(1);
    expect(rec.events[0]!.customerId).toBe('cus_mp');
    expect(rec.metadata()).toMatchObject({ bytes: 8000, operation: 'CompleteMultipartUpload', key: 'video.mp4' });
  });

  it('counts nothing for an aborted multipart upload', async () => {
    const client = wrap();
    const { UploadId } = await client.send(new CreateMultipartUploadCommand({ Bucket: 'media', Key: 'gone.bin' }));
    await client.send(new UploadPartCommand({ Bucket: 'media', Key: 'gone.bin', UploadId, PartNumber: 1, Body: Buffer.alloc(100) }));
    await client.send(new AbortMultipartUploadCommand({ Bucket: 'media', Key: 'gone.bin', UploadId }));
    // A completion after the abort knows no parts: reported as unknown, not counted.
    await client.send(new CompleteMultipartUploadCommand({ Bucket: 'media', Key: 'gone.bin', UploadId }));
    await new Promise((r) => setTimeout(r, 20));
    expect(rec.events).toHaveLength(0);
    expect(errors).toEqual([expect.any(UploadSizeUnknownError)]);
  });

  it('skips uploads the resolver does not bill, and leaves other commands alone', async () => {
    const client = wrap(() => undefined);
    await client.send(new PutObjectCommand({ Bucket: 'internal', Key: 'k', Body: 'x' }));
    expect(client.config.region).toBeDefined();
    await new Promise((r) => setTimeout(r, 20));
    expect(rec.events).toHaveLength(0);
  });

  it('supports callback-style send', async () => {
    const client = wrap();
    const out = await new Promise((resolve, reject) =>
      client.send(new PutObjectCommand({ Bucket: 'media', Key: 'cb', Body: new Uint8Array(10) }), (err: unknown, data?: unknown) => (err ? reject(err) : resolve(data))),
    );
    expect(out).toMatchObject({ ETag: expect.any(String) });
    await expect.poll(() => rec.events.length).toBe(1);
    expect(rec.metadata().bytes).toBe(10);
  });
});
