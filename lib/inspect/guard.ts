import type { Detector } from '../detectors/types';
import type { PageSnapshot } from '../snapshot/schema';

/**
 * The snapshot as one detector may see it: reading a field it does not declare in `requires` throws, so the
 * declaration stays true (the runner then names the detector as failed, and the fixture tests fail).
 */
export function declaredOnly(snapshot: PageSnapshot, detector: Pick<Detector, 'id' | 'requires'>): PageSnapshot {
  const allowed = new Set<PropertyKey>(detector.requires);
  const refuse = (key: PropertyKey) => {
    throw new Error(`${detector.id} reads snapshot.${String(key)} without declaring it in requires`);
  };
  return new Proxy(snapshot, {
    get(target, key, receiver) {
      if (typeof key === 'string' && !allowed.has(key)) refuse(key);
      return Reflect.get(target, key, receiver);
    },
    has(target, key) {
      if (typeof key === 'string' && !allowed.has(key)) refuse(key);
      return Reflect.has(target, key);
    },
  });
}
