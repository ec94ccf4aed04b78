import { compilePatterns, type PathPattern } from './path-pattern.js';

export interface FilterOptions {
  /** Only these paths (globs or RegExps on the path without its query). Default: all. */
  include?: readonly PathPattern[];
  /** Never these paths; wins over `include`. */
  exclude?: readonly PathPattern[];
  /** Only these HTTP methods (any case). Default: all. */
  methods?: readonly string[];
}

export type RequestFilter = ((method: string, path: string) => boolean) & {
  /** True when nothing is filtered: adapters then skip working out the path. */
  readonly all: boolean;
};

/** Decides from the method and raw path alone, so it can run before routing. */
export function createRequestFilter(options: FilterOptions): RequestFilter {
  const include = options.include?.length ? compilePatterns(options.include) : undefined;
  const exclude = options.exclude?.length ? compilePatterns(options.exclude) : undefined;
  const methods = options.methods?.length ? new Set(options.methods.map((m) => m.toUpperCase())) : undefined;
  if (!include && !exclude && !methods) return Object.assign(() => true, { all: true });
  const filter = (method: string, path: string) => {
    if (methods && !methods.has(method.toUpperCase())) return false;
    if (exclude?.(path)) return false;
    return include ? include(path) : true;
  };
  return Object.assign(filter, { all: false });
}

/** The path of a URL or request target, without query string or fragment. */
export function pathOf(target: string): string {
  const q = target.search(/[?#]/);
  return q === -1 ? target : target.slice(0, q);
}
