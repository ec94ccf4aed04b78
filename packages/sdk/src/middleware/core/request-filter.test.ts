import { describe, expect, it } from 'vitest';
import { createRequestFilter, pathOf } from './request-filter.js';

describe('createRequestFilter', () => {
  it('accepts everything without options', () => {
    expect(createRequestFilter({})('DELETE', '/anything')).toBe(true);
  });

  it('matches globs across segments, literally otherwise', () => {
    const f = createRequestFilter({ include: ['/api/*', '/v1.0/users/*/posts'] });
    expect(f('GET', '/api/users/1')).toBe(true);
    expect(f('GET', '/api')).toBe(false);
    expect(f('GET', '/v1.0/users/7/posts')).toBe(true);
    expect(f('GET', '/v1x0/users/7/posts')).toBe(false);
    expect(f('GET', '/health')).toBe(false);
  });

  it('lets exclude win over include, and takes RegExps', () => {
    const f = createRequestFilter({ include: ['/api/*'], exclude: [/^\/api\/internal\b/, '/api/health'] });
    expect(f('GET', '/api/internal/x')).toBe(false);
    expect(f('GET', '/api/health')).toBe(false);
    expect(f('GET', '/api/healthz')).toBe(true);
  });

  it('filters methods in any case', () => {
    const f = createRequestFilter({ methods: ['get', 'POST'] });
    expect(f('GET', '/x')).toBe(true);
    expect(f('post', '/x')).toBe(true);
    expect(f('DELETE', '/x')).toBe(false);
  });

  it('ignores a global flag so repeated tests do not alternate', () => {
    const f = createRequestFilter({ include: [/^\/a/g] });
    expect([f('GET', '/a'), f('GET', '/a'), f('GET', '/a')]).toEqual([true, true, true]);
  });

  it('strips query strings and fragments', () => {
    expect(pathOf('/a/b?x=1#f')).toBe('/a/b');
    expect(pathOf('/a#f')).toBe('/a');
    expect(pathOf('/a')).toBe('/a');
  });
});
