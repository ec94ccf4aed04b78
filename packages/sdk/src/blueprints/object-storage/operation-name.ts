/**
 * The S3 operation a command object stands for, e.g. 'PutObject'. Read from
 * the command's operation schema (`[kind, namespace, name, ...]` in current
 * SDK versions) and else from its class name, so that neither an SDK
 * refactor nor a minifier renaming classes alone breaks detection.
 */
export function operationName(command: unknown): string | undefined {
  const c = command as { schema?: unknown; constructor?: { name?: string } } | null;
  if (!c || typeof c !== 'object') return undefined;
  const schema = c.schema;
  if (Array.isArray(schema) && schema[1] === 'com.amazonaws.s3' && typeof schema[2] === 'string') return schema[2];
  const name = c.constructor?.name;
  return name && name.endsWith('Command') ? name.slice(0, -'Command'.length) : undefined;
}
