// Names that only resolve inside a private network or a container network: a single label
// (`litellm`, a Compose service), `.local` (mDNS), `.internal` (reserved for private use,
// `host.docker.internal`), `.lan`, `.home.arpa`, `.localdomain`. A gateway reached that way is
// the user's own infrastructure, not a third party; plain http to it crosses no public network.
export function isInternalName(host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  if (!h || h === 'localhost' || h.includes('*') || /^[\d.]+$/.test(h) || h.startsWith('[')) return false;
  return !h.includes('.') || /\.(?:local|internal|lan|home\.arpa|localdomain|intranet)$/.test(h);
}
