// React.lazy for a named export: the module is fetched the first time the component renders,
// so a route's code leaves the first bundle. Render it inside <Suspense> (see PageSuspense).
import { type ComponentType, type LazyExoticComponent, lazy } from 'react';

export function lazyNamed<K extends string, P extends object>(
  load: () => Promise<{ [key in K]: ComponentType<P> }>,
  name: K,
): LazyExoticComponent<ComponentType<P>> {
  return lazy(async () => ({ default: (await load())[name] }));
}
