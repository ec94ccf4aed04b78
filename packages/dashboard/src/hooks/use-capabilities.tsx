import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { loadCapabilities, route, type Capabilities } from '../api/capabilities';

const CapsContext = createContext<Capabilities | undefined>(undefined);

/** Reads /openapi.json once per page load. */
export function CapabilitiesProvider({ children }: { children: ReactNode }) {
  const [caps, setCaps] = useState<Capabilities>();
  useEffect(() => {
    loadCapabilities().then(setCaps, () => setCaps(new Set()));
  }, []);
  return <CapsContext.Provider value={caps}>{children}</CapsContext.Provider>;
}

/** Whether the server has the route; undefined while still finding out. */
export function useHasRoute(method: string, path: string): boolean | undefined {
  const caps = useContext(CapsContext);
  return caps === undefined ? undefined : caps.has(route(method, path));
}

/** Whether the server has any of the paths (servers may name a path parameter differently). */
export function useHasAnyRoute(method: string, ...paths: string[]): boolean | undefined {
  const caps = useContext(CapsContext);
  return caps === undefined ? undefined : paths.some((p) => caps.has(route(method, p)));
}
