/**
 * Several writes that must happen together or not at all. The adapter opens one database transaction and
 * hands the work ports bound to it; whatever the work throws rolls everything back.
 */
export interface UnitOfWork<Ports> {
  run<T>(work: (ports: Ports) => Promise<T>): Promise<T>;
}
