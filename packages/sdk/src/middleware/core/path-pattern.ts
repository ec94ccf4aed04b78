/**
 * An endpoint pattern: a RegExp, or a glob where `*` matches any run of
 * characters, `/` included (`/api/*` covers everything under /api, as in
 * CDN route patterns). Anything else in a glob is literal.
 */
export type PathPattern = string | RegExp;

export type PathMatcher = (path: string) => boolean;

function globToRegExp(glob: string): RegExp {
  const body = glob
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}$`);
}

/** One matcher for a list of patterns: true when any of them matches. */
export function compilePatterns(patterns: readonly PathPattern[]): PathMatcher {
  const regexps = patterns.map((p) => (typeof p === 'string' ? globToRegExp(p) : new RegExp(p.source, p.flags.replace(/[gy]/g, ''))));
  return (path) => {
    for (const re of regexps) if (re.test(path)) return true;
    return false;
  };
}
