/**
 * Sizes of uploaded parts per multipart upload, until it is completed or
 * aborted. A part uploaded again under the same number replaces the first
 * (as in S3). Bounded: beyond `maxUploads` open uploads the oldest is
 * forgotten, so abandoned uploads cannot grow memory without limit.
 */
export class MultipartParts {
  private readonly uploads = new Map<string, Map<number, number>>();

  constructor(private readonly maxUploads = 10_000) {}

  addPart(uploadId: string, partNumber: number, bytes: number): void {
    let parts = this.uploads.get(uploadId);
    if (!parts) {
      if (this.uploads.size >= this.maxUploads) this.uploads.delete(this.uploads.keys().next().value as string);
      parts = new Map();
      this.uploads.set(uploadId, parts);
    }
    parts.set(partNumber, bytes);
  }

  /**
   * Removes the upload and returns the bytes of its parts: only the listed
   * part numbers when the completion request lists them (parts left out are
   * discarded by S3), else all. Undefined when no part of it was seen here.
   */
  take(uploadId: string, listed?: number[]): number | undefined {
    const parts = this.uploads.get(uploadId);
    this.uploads.delete(uploadId);
    if (!parts) return undefined;
    const numbers = listed && listed.length > 0 ? listed : [...parts.keys()];
    let total = 0;
    for (const n of numbers) {
      const size = parts.get(n);
      if (size === undefined) return undefined; // a part uploaded elsewhere: the sum would undercount
      total += size;
    }
    return total;
  }

  forget(uploadId: string): void {
    this.uploads.delete(uploadId);
  }
}
