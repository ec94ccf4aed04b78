import { reportFailure, warnOnError } from '../shared/report.js';
import { operationName } from './operation-name.js';
import { makeObservers, type Input, type WrapS3ClientOptions } from './upload-observers.js';

export { UploadSizeUnknownError, type UploadInfo, type WrapS3ClientOptions } from './upload-observers.js';

type Send = (command: unknown, ...rest: unknown[]) => unknown;

/**
 * Wraps an `@aws-sdk/client-s3` S3Client so that successful uploads are
 * recorded in bytes: PutObject (ContentLength, else the body's size), and
 * multipart uploads on CompleteMultipartUpload as the sum of the parts
 * uploaded through this client (the parts listed in the completion).
 * Failed requests count nothing. Recording never delays or fails `send`.
 */
export function wrapS3Client<T extends object>(client: T, options: WrapS3ClientOptions): T {
  const observerFor = makeObservers(options);
  const onError = options.onError ?? warnOnError;
  let tracked: Send | undefined;
  return new Proxy(client, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop, target);
      if (prop !== 'send' || typeof value !== 'function') return typeof value === 'function' && prop !== 'constructor' ? value.bind(target) : value;
      const send = value as Send;
      tracked ??= (command, ...rest) => {
        let observe: ((output: Input) => void) | undefined;
        try {
          observe = observerFor(operationName(command), ((command as { input?: Input })?.input ?? {}) as Input);
        } catch (error) {
          reportFailure(onError, error);
        }
        if (!observe) return send.call(target, command, ...rest);
        const safe = (output: Input) => {
          try {
            observe(output);
          } catch (error) {
            reportFailure(onError, error);
          }
        };
        const cb = rest.findIndex((arg) => typeof arg === 'function');
        if (cb >= 0) {
          // Callback style: send(command, [options,] (err, data) => ...).
          const user = rest[cb] as (err: unknown, data?: Input) => void;
          rest[cb] = (err: unknown, data?: Input) => {
            if (!err) safe(data ?? {});
            user(err, data);
          };
          return send.call(target, command, ...rest);
        }
        const result = send.call(target, command, ...rest) as Promise<Input>;
        result.then(safe, () => {});
        return result;
      };
      return tracked;
    },
  });
}
