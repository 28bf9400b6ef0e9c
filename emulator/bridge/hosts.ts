import { networkInterfaces } from 'node:os';

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '::1'];
const WILDCARD = new Set(['0.0.0.0', '::', '']);
const HOST_HEADER = /^(?:\[([0-9A-Fa-f:.]+)\]|([A-Za-z0-9.-]+))(?::(\d{1,5}))?$/;

/**
 * The names a browser may use to reach this server: loopback, the bound address (every interface
 * address when bound to 0.0.0.0 or ::) and explicitly configured names, all with the server's port.
 * A DNS-rebinding page reaches the same socket under its own name, so its Host header fails this.
 */
export class HostCheck {
  private readonly names: Set<string>;

  constructor(
    private readonly port: number,
    boundHost: string,
    extraNames: readonly string[] = [],
  ) {
    const names = [...LOOPBACK_NAMES, ...extraNames];
    if (WILDCARD.has(boundHost)) {
      for (const list of Object.values(networkInterfaces())) for (const item of list ?? []) names.push(item.address);
    } else {
      names.push(boundHost);
    }
    this.names = new Set(names.map((name) => name.toLowerCase().replace(/^\[(.*)\]$/, '$1').replace(/%.*$/, '')));
  }

  allows(hostHeader: string | undefined): boolean {
    const match = HOST_HEADER.exec(hostHeader ?? '');
    if (!match) return false;
    const name = (match[1] ?? match[2]).toLowerCase().replace(/\.$/, '');
    const port = match[3] === undefined ? 80 : Number(match[3]);
    return port === this.port && this.names.has(name);
  }
}
