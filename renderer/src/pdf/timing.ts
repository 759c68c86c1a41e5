/**
 * Moments of the preview as performance marks (`juanzong:dossier read`, `juanzong:thumbnail drawn`, …), the first of
 * each only: the e2e test of a long dossier reads them to report where the time to its first thumbnail goes.
 */
export function markOnce(name: string): void {
  const full = `juanzong:${name}`;
  if (performance.getEntriesByName(full, 'mark').length === 0) performance.mark(full);
}
