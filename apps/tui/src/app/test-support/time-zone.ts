/**
 * Pins the process's time zone for one test file, so what it expects does not depend on the
 * machine. Call it inside `vi.hoisted` (it must run before the UI's date module reads the
 * zone) and give back the machine's zone in `afterAll` with the returned function.
 */
export function pinTimeZone(zone: string): () => void {
  const before = process.env.TZ;
  // Node resets its zone cache (Date and Intl) when TZ is assigned.
  process.env.TZ = zone;
  return () => {
    if (before === undefined) delete process.env.TZ;
    else process.env.TZ = before;
  };
}
