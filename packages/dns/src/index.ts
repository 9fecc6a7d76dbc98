export { createDnsHealthProbe, type DnsHealthProbeOptions } from './dns-health-probe.ts';
