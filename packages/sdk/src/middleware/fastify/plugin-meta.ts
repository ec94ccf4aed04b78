/**
 * What fastify-plugin would do, without the dependency: skip-override makes
 * the hooks apply to the whole app rather than to an encapsulated child.
 */
export function asRootPlugin<T extends object>(plugin: T, name: string): T {
  Object.assign(plugin, {
    [Symbol.for('skip-override')]: true,
    [Symbol.for('fastify.display-name')]: name,
    [Symbol.for('plugin-meta')]: { name, fastify: '5.x' },
  });
  return plugin;
}
