import { describe, expect, it } from 'vitest';
import { checkAddress, isPrivateAddress, parseIPv6 } from '../src/delivery/ranges.js';

describe('isPrivateAddress', () => {
  it.each([
    '127.0.0.1',
    '127.255.255.254',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '100.127.255.255',
    '0.0.0.0',
    '0.1.2.3',
    '224.0.0.1',
    '255.255.255.255',
    '::1',
    '[::1]',
    '::',
    'fc00::1',
    'fd12:3456::1',
    'fe80::1',
    'fe80::1%eth0',
    'febf::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:10.0.0.1',
    '::ffff:169.254.169.254',
    '64:ff9b::a9fe:a9fe',
    '2002:7f00:1::1',
    '0:0:0:0:0:0:0:1',
    'not-an-ip',
  ])('blocks %s', (ip) => {
    expect(isPrivateAddress(ip)).toBe(true);
  });

  it.each([
    '93.184.216.34',
    '8.8.8.8',
    '172.15.255.255',
    '172.32.0.1',
    '100.63.255.255',
    '100.128.0.1',
    '11.0.0.1',
    '2606:4700::1111',
    '2a00:1450:4001::200e',
    '::ffff:8.8.8.8',
    'fbff::1',
    'fe00::1',
  ])('allows %s', (ip) => {
    expect(isPrivateAddress(ip)).toBe(false);
  });

  it('names the range', () => {
    expect(checkAddress('127.0.0.1').reason).toBe('127.0.0.0/8 loopback');
    expect(checkAddress('::ffff:192.168.0.1').reason).toBe('192.168.0.0/16 private (IPv4-mapped)');
    expect(checkAddress('fe80::1').reason).toBe('fe80::/10 link-local');
  });
});

describe('parseIPv6', () => {
  it('parses compressed, full and dotted forms, rejects junk', () => {
    expect(parseIPv6('::1')).toBe(1n);
    expect(parseIPv6('1::')).toBe(1n << 112n);
    expect(parseIPv6('::ffff:1.2.3.4')).toBe((0xffffn << 32n) | 0x01020304n);
    expect(parseIPv6('1:2:3:4:5:6:7:8')).not.toBeNull();
    for (const bad of [
      '1:2:3:4:5:6:7',
      '1::2::3',
      '1:2:3:4:5:6:7:8:9',
      '12345::',
      ':1:2:3:4:5:6:7',
      '1:2:3:4:5:6:7::8',
      'g::1',
    ]) {
      expect(parseIPv6(bad)).toBeNull();
    }
  });
});
