import dns2 from 'dns2';

const { Packet } = dns2;

/** The records of one name; a name with `servfail` answers SERVFAIL to every question. */
export interface TestDnsRecords {
  A?: string[];
  AAAA?: string[];
  CNAME?: string;
  MX?: Array<{ exchange: string; priority: number }>;
  TXT?: string[];
  SRV?: Array<{ target: string; port: number; priority?: number; weight?: number }>;
  servfail?: boolean;
}

export type TestDnsZone = Record<string, TestDnsRecords>;

export interface TestDnsServer {
  /** For DNS_SERVERS, e.g. 127.0.0.1:53535. */
  address: string;
  /** Replaces the records served from now on. */
  setZone(zone: TestDnsZone): void;
  close(): Promise<void>;
}

/**
 * An authoritative DNS server of our own on 127.0.0.1 (dns2, UDP and TCP), serving A, AAAA, CNAME, MX, TXT and SRV
 * records for the tests' domains. Like a recursive resolver, it follows a CNAME for A and AAAA questions. A name
 * it does not know is NXDOMAIN; a known name without the asked type is an empty answer (NODATA).
 */
export async function startTestDnsServer(zone: TestDnsZone): Promise<TestDnsServer> {
  let records = normalize(zone);
  const server = dns2.createServer({
    udp: true,
    tcp: true,
    handle: (request, send) => {
      const [question] = request.questions;
      const response = Packet.createResponseFromRequest(request);
      response.header.aa = 1;
      if (!question) return void send(response);
      const name = question.name.toLowerCase().replace(/\.$/, '');
      const entry = records.get(name);
      if (!entry) {
        response.header.rcode = Packet.RCODE.NXDOMAIN;
      } else if (entry.servfail) {
        response.header.rcode = Packet.RCODE.SERVFAIL;
      } else {
        // dns2 fills in the rest of each record from its type when it encodes the answer.
        response.answers.push(...(answersFor(name, entry, question.type) as dns2.Packet.Resource[]));
      }
      void send(response);
    },
  });

  function answersFor(name: string, entry: TestDnsRecords, type: number): Array<Partial<dns2.Packet.Resource>> {
    const base = { name, class: Packet.CLASS.IN, ttl: 60 };
    if (entry.CNAME && type !== Packet.TYPE.CNAME) {
      const target = entry.CNAME.toLowerCase();
      const followed = records.get(target);
      return [{ ...base, type: Packet.TYPE.CNAME, domain: target }, ...(followed ? answersFor(target, followed, type) : [])];
    }
    switch (type) {
      case Packet.TYPE.A: return (entry.A ?? []).map((address) => ({ ...base, type: Packet.TYPE.A, address }));
      case Packet.TYPE.AAAA: return (entry.AAAA ?? []).map((address) => ({ ...base, type: Packet.TYPE.AAAA, address }));
      case Packet.TYPE.CNAME: return entry.CNAME ? [{ ...base, type: Packet.TYPE.CNAME, domain: entry.CNAME }] : [];
      case Packet.TYPE.MX: return (entry.MX ?? []).map(({ exchange, priority }) => ({ ...base, type: Packet.TYPE.MX, exchange, priority }));
      case Packet.TYPE.TXT: return (entry.TXT ?? []).map((data) => ({ ...base, type: Packet.TYPE.TXT, data }));
      case Packet.TYPE.SRV: return (entry.SRV ?? []).map(({ target, port, priority = 0, weight = 0 }) => ({ ...base, type: Packet.TYPE.SRV, target, port, priority, weight }));
      default: return [];
    }
  }

  const listening = await server.listen({ udp: { port: 0, address: '127.0.0.1' }, tcp: { port: 0, address: '127.0.0.1' } });
  const udpPort = listening.udp?.port;
  if (!udpPort) throw new Error('the test DNS server did not get a UDP port');
  return {
    address: `127.0.0.1:${udpPort}`,
    setZone(next) {
      records = normalize(next);
    },
    close: () => server.close(),
  };
}

function normalize(zone: TestDnsZone): Map<string, TestDnsRecords> {
  return new Map(Object.entries(zone).map(([name, entry]) => [name.toLowerCase().replace(/\.$/, ''), entry]));
}
