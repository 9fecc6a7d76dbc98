import { describe, expect, it } from 'vitest';
import { createOutboundPolicy, nonPublicAddressKind } from './outbound-policy.ts';

describe('addresses that are not the public internet', () => {
  it.each([
    ['127.0.0.1', 'a loopback'],
    ['127.255.1.2', 'a loopback'],
    ['::1', 'a loopback'],
    ['::ffff:127.0.0.1', 'a loopback'],
    ['::ffff:7f00:1', 'a loopback'],
    ['0.0.0.0', 'an unspecified'],
    ['::', 'an unspecified'],
    ['10.1.2.3', 'a private'],
    ['172.16.0.1', 'a private'],
    ['172.31.255.255', 'a private'],
    ['192.168.1.10', 'a private'],
    ['100.64.0.1', 'a private (shared)'],
    ['fd00::1', 'a private'],
    ['::ffff:10.0.0.1', 'a private'],
    ['169.254.169.254', 'a link-local'],
    ['fe80::1', 'a link-local'],
    ['224.0.0.1', 'a multicast'],
    ['ff02::1', 'a multicast'],
    ['255.255.255.255', 'a reserved'],
    ['64:ff9b::7f00:1', 'a loopback'],
    ['2002:a00:1::', 'a private'],
  ])('%s is %s address', (address, kind) => {
    expect(nonPublicAddressKind(address)).toBe(kind);
  });

  it.each(['52.96.0.1', '40.99.4.2', '172.32.0.1', '2603:1026::1', '::ffff:52.96.0.1'])('%s is public', (address) => {
    expect(nonPublicAddressKind(address)).toBeNull();
  });
});

describe('checkDestination, for the API to answer 400 when a profile is saved', () => {
  const policy = createOutboundPolicy({ allowedHosts: [], allowHttp: false });

  it.each([
    'https://127.0.0.1/EWS/Exchange.asmx',
    'https://[::1]/EWS/Exchange.asmx',
    'https://2130706433/EWS/Exchange.asmx',
    'https://0x7f.1/EWS/Exchange.asmx',
    'https://017700000001/EWS/Exchange.asmx',
    'https://[::ffff:127.0.0.1]/EWS/Exchange.asmx',
    'https://0.0.0.0/EWS/Exchange.asmx',
    'https://10.0.0.5/EWS/Exchange.asmx',
    'https://169.254.169.254/latest/meta-data',
    'https://[fe80::1]/EWS/Exchange.asmx',
    'https://localhost/EWS/Exchange.asmx',
  ])('refuses %s (DestinationNotAllowed)', async (url) => {
    const refusal = await policy.checkDestination(url);
    expect(refusal?.code).toBe('DestinationNotAllowed');
    expect(refusal?.message).toMatch(/resolves to .*, an? .* address, which this portal does not connect to unless the host is listed in EWS_ALLOWED_HOSTS\./);
  });

  it('refuses plain http unless the deployment allows it (InsecureChannel)', async () => {
    expect(await policy.checkDestination('http://52.96.0.1/EWS/Exchange.asmx')).toMatchObject({ code: 'InsecureChannel', message: expect.stringMatching(/ALLOW_HTTP_SERVER_LOCATIONS=true/) });
    expect(await createOutboundPolicy({ allowedHosts: [], allowHttp: true }).checkDestination('http://52.96.0.1/EWS/Exchange.asmx')).toBeNull();
  });

  it('refuses what is not a web address', async () => {
    expect((await policy.checkDestination('ftp://52.96.0.1/'))?.code).toBe('DestinationNotAllowed');
    expect((await policy.checkDestination('not a url'))?.code).toBe('DestinationNotAllowed');
  });

  it('allows hosts the operator lists in EWS_ALLOWED_HOSTS, whatever they resolve to', async () => {
    const allowing = createOutboundPolicy({ allowedHosts: ['127.0.0.1', 'Exch01.Contoso.Local'], allowHttp: false });
    expect(await allowing.checkDestination('https://127.0.0.1:8443/EWS/Exchange.asmx')).toBeNull();
    expect(await allowing.checkDestination('https://exch01.contoso.local./EWS/Exchange.asmx')).toBeNull();
    expect((await allowing.checkDestination('https://[::1]/EWS/Exchange.asmx'))?.code).toBe('DestinationNotAllowed');
  });

  it('checks what a name resolves to (here through the test seam), and lets an unknown name pass to the connection test', async () => {
    const resolving = createOutboundPolicy({
      allowedHosts: [], allowHttp: false,
      resolveHost: (host) => ({ 'inside.contoso.com': { address: '10.0.0.5', port: 443 }, 'mail.contoso.com': { address: '52.96.0.1', port: 443 } })[host] ?? null,
    });
    expect(await resolving.checkDestination('https://inside.contoso.com/EWS/Exchange.asmx')).toMatchObject({ code: 'DestinationNotAllowed', message: expect.stringMatching(/^inside\.contoso\.com resolves to 10\.0\.0\.5, a private address/) });
    expect(await resolving.checkDestination('https://mail.contoso.com/EWS/Exchange.asmx')).toBeNull();
    expect(await resolving.checkDestination('https://nowhere.contoso.com/EWS/Exchange.asmx')).toBeNull();
  });

  it('accepts a public address', async () => {
    expect(await policy.checkDestination('https://52.96.0.1/EWS/Exchange.asmx')).toBeNull();
  });
});
