/** Explanations for the socket calls: create, connect, listen, accept, send, receive, options. */
import type { Value } from '../../decode/value.js';
import { bytes, bytesText, Call, count, data, fd, field, isNull, names, num, symOf, type Sentence } from '../words.js';

/** The text inside an `inet_addr("…")` / `inet_pton(AF_INET6, "…")` form. */
function addrText(v: Value | undefined): string | undefined {
  if (!v) return undefined;
  if (v.k === 'styled') return addrText(v.abbrev);
  if (v.k === 'call') {
    const s = v.args.find((a) => a.k === 'str');
    return s?.k === 'str' ? bytesText(s.b) : undefined;
  }
  if (v.k === 'str') return bytesText(v.b);
  return undefined;
}

/** A socket address as words: `127.0.0.1 port 8080`, `the unix socket /run/x`. */
export function sockaddr(v: Value | undefined): string {
  if (v?.k === 'ptr') return v.v === 0n ? 'no address' : `an unreadable address at 0x${v.v.toString(16)}`;
  const fam = symOf(field(v, 'sa_family'));
  switch (fam) {
    case 'AF_INET': return `${addrText(field(v, 'sin_addr')) ?? 'an IPv4 address'} port ${num(field(v, 'sin_port')) ?? '?'}`;
    case 'AF_INET6': {
      const a = v?.k === 'struct' ? v.fields.map((f) => (f.n === undefined || f.n === 'sin6_addr' ? addrText(f.v) : undefined)).find((x) => x !== undefined) : undefined;
      return `[${a ?? 'an IPv6 address'}] port ${num(field(v, 'sin6_port')) ?? '?'}`;
    }
    case 'AF_UNIX': {
      const p = field(v, 'sun_path');
      if (p?.k === 'str') return `the unix socket ${bytesText(p.b)}`;
      if (p?.k === 'join') return `the abstract unix socket @${p.parts.map((x) => (x.k === 'str' ? bytesText(x.b) : '')).join('')}`;
      return 'an unnamed unix socket';
    }
    case 'AF_NETLINK': return `the netlink port ${num(field(v, 'nl_pid')) ?? '?'}${num(field(v, 'nl_pid')) === 0n ? ' (the kernel)' : ''}`;
    case 'AF_PACKET': return 'a network interface (packet socket)';
    default: return fam ? `an ${fam} address` : 'an address';
  }
}

const FAMILIES: Record<string, string> = {
  AF_INET: 'an IPv4', AF_INET6: 'an IPv6', AF_UNIX: 'a unix-domain', AF_NETLINK: 'a netlink', AF_PACKET: 'a packet',
};
const TYPES: Record<string, string> = {
  SOCK_STREAM: 'stream', SOCK_DGRAM: 'datagram', SOCK_RAW: 'raw', SOCK_SEQPACKET: 'sequenced-packet',
};

/** `a TCP socket (IPv4)`-style words from socket()'s domain and type. */
function socketWords(domain: Value, type: Value): string {
  const d = symOf(domain) ?? '';
  const t = names(type).find((n) => n.startsWith('SOCK_') && TYPES[n]) ?? '';
  const proto = d === 'AF_INET' || d === 'AF_INET6' ? (t === 'SOCK_STREAM' ? ' TCP' : t === 'SOCK_DGRAM' ? ' UDP' : '') : '';
  const base = proto ? `${proto.trim()} socket (${d === 'AF_INET' ? 'IPv4' : 'IPv6'})` : `${FAMILIES[d] ?? 'a'} ${TYPES[t] ?? ''} socket`.replace(/ +/g, ' ');
  const article = proto ? 'a ' : '';
  const flags = names(type).includes('SOCK_NONBLOCK') ? ', non-blocking' : '';
  return article + base + flags;
}

/** recv-like: how much came, from whom. */
function received(c: Call, buf: Value | undefined, from: Value | undefined): string {
  const s = fd(c.a(0));
  const who = from && !(from.k === 'ptr' && from.v === 0n) ? ` from ${sockaddr(from)}` : '';
  return c.say(() => {
    if (c.rv === 0n) return `received nothing on ${s}: the peer closed the connection`;
    const d = data(buf);
    return `received ${bytes(c.rv)} on ${s}${who}` + (d ? `: ${d}` : '');
  }, `receive on ${s}`, s);
}

/** send-like: how much went, to whom. */
function sent(c: Call, buf: Value | undefined, to: Value | undefined, asked?: bigint): string {
  const s = fd(c.a(0));
  const whom = to && !(to.k === 'ptr' && to.v === 0n) ? ` to ${sockaddr(to)}` : '';
  return c.say(() => {
    const d = data(buf);
    return `sent ${bytes(c.rv)} on ${s}${whom}` + (asked !== undefined && asked > c.rv ? ` (of ${asked})` : '') + (d ? `: ${d}` : '');
  }, `send on ${s}${whom}`, s);
}

/** accept: the new connection's fd, and who it is from when the caller asked. */
const accepted = (c: Call): string => {
  const from = isNull(c.a(1)) ? ' (not asking who from)' : ` from ${sockaddr(c.a(1))}`;
  return c.say(`accepted a connection on ${fd(c.a(0))}${from} → ${c.fdOut}`, `accept a connection on ${fd(c.a(0))}`, fd(c.a(0)));
};

/** A msghdr's address and first buffer. */
const msgName = (m: Value | undefined): Value | undefined => field(m, 'msg_name');
const msgData = (m: Value | undefined): Value | undefined => {
  const iov = field(m, 'msg_iov');
  return iov?.k === 'array' ? field(iov.items[0], 'iov_base') : undefined;
};

/** A socket option as words: `SO_REUSEADDR at level SOL_SOCKET`. */
const option = (c: Call): string => `${symOf(c.a(2)) ?? 'an option'} (${symOf(c.a(1)) ?? 'some level'})`;

export const NET: Record<string, Sentence> = {
  socket: (c) => c.say(`created ${socketWords(c.a(0), c.a(1))} → ${c.fdOut}`, `create ${socketWords(c.a(0), c.a(1))}`),
  socketpair: (c) => {
    const pair = c.a(3);
    const ends = pair.k === 'array' ? pair.items.map(fd).join(' and ') : 'two fds';
    return c.say(`created a connected pair of ${socketWords(c.a(0), c.a(1)).replace(/^an? /, '')}s: ${ends}`, 'create a socket pair');
  },
  connect: (c) => c.say(`connected ${fd(c.a(0))} to ${sockaddr(c.a(1))}`, `connect ${fd(c.a(0))} to ${sockaddr(c.a(1))}`, sockaddr(c.a(1))),
  bind: (c) => c.say(`gave ${fd(c.a(0))} the local address ${sockaddr(c.a(1))}${num(field(c.a(1), 'sin_port')) === 0n ? ' (any free port)' : ''}`, `bind ${fd(c.a(0))} to ${sockaddr(c.a(1))}`, fd(c.a(0))),
  listen: (c) => c.say(`made ${fd(c.a(0))} accept connections, ${c.n(1) > 0n ? `with up to ${count(c.n(1), 'connection')} waiting` : 'with the shortest queue of waiting connections the kernel allows'}`, `listen on ${fd(c.a(0))}`, fd(c.a(0))),
  accept: (c) => accepted(c),
  accept4: (c) => accepted(c),
  sendto: (c) => sent(c, c.a(1), c.args[4], num(c.a(2))),
  recvfrom: (c) => received(c, c.a(1), c.args[4]),
  sendmsg: (c) => sent(c, msgData(c.a(1)), msgName(c.a(1))),
  recvmsg: (c) => received(c, msgData(c.a(1)), msgName(c.a(1))),
  sendmmsg: (c) => c.say(`sent ${count(c.rv, 'message')} on ${fd(c.a(0))} in one call`, `send messages on ${fd(c.a(0))}`, fd(c.a(0))),
  recvmmsg: (c) => c.say(`received ${count(c.rv, 'message')} on ${fd(c.a(0))} in one call`, `receive messages on ${fd(c.a(0))}`, fd(c.a(0))),
  shutdown: (c) => {
    const how = symOf(c.a(1));
    const what = how === 'SHUT_RD' ? 'receiving' : how === 'SHUT_WR' ? 'sending (the peer sees end of file)' : 'sending and receiving';
    return c.say(`shut down ${what} on ${fd(c.a(0))}`, `shut down ${fd(c.a(0))}`, fd(c.a(0)));
  },
  getsockname: (c) => c.say(`asked the local address of ${fd(c.a(0))}: ${sockaddr(c.a(1))}`, `get the local address of ${fd(c.a(0))}`, fd(c.a(0))),
  getpeername: (c) => c.say(`asked who ${fd(c.a(0))} is connected to: ${sockaddr(c.a(1))}`, `get the peer of ${fd(c.a(0))}`, fd(c.a(0))),
  setsockopt: (c) => c.say(`set the socket option ${option(c)} on ${fd(c.a(0))}${num(c.a(3)) !== undefined ? ` to ${num(c.a(3))}` : ''}`, `set ${option(c)} on ${fd(c.a(0))}`, fd(c.a(0))),
  getsockopt: (c) => c.say(`read the socket option ${option(c)} of ${fd(c.a(0))}${num(c.a(3)) !== undefined ? `: ${num(c.a(3))}` : ''}`, `read ${option(c)} of ${fd(c.a(0))}`, fd(c.a(0))),
};
