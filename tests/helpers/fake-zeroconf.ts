// Zeroconf as the test tells it, for a server started in the test's process with this `browse`:
// `announce` is a service appearing on the network.
import type { Browse, FoundService } from '../../server/src/satellites/discovery.js';

export function fakeZeroconf() {
  let onFound: ((service: FoundService) => Promise<void>) | undefined;
  const browse: Browse = (callback) => {
    onFound = callback;
    return () => (onFound = undefined);
  };
  return { browse, announce: (service: FoundService) => onFound!(service) };
}
