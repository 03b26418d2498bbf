/**
 * @module RFC 8288 `Link` header parsing: several comma-separated links, `;` parameters, quoted values (which
 * may contain `,` and `;`), and space-separated relation types (`rel="next last"`).
 */

export interface LinkValue {
  /** The target as written (may be relative). */
  target: string;
  /** Parameter names lower-cased; the first occurrence of a name wins (RFC 8288 §3.3). */
  params: Record<string, string>;
}

export function parseLinkHeader(header: string): LinkValue[] {
  const links: LinkValue[] = [];
  let i = 0;
  const skipSpace = () => {
    while (i < header.length && /\s/.test(header[i] as string)) i++;
  };
  while (i < header.length) {
    skipSpace();
    if (header[i] === ',') {
      i++;
      continue;
    }
    if (header[i] !== '<') {
      // Malformed link-value: resynchronise on the next comma.
      while (i < header.length && header[i] !== ',') i++;
      continue;
    }
    const close = header.indexOf('>', i);
    if (close < 0) break;
    const link: LinkValue = { target: header.slice(i + 1, close).trim(), params: {} };
    i = close + 1;
    for (;;) {
      skipSpace();
      if (header[i] !== ';') break;
      i++;
      skipSpace();
      const nameStart = i;
      while (i < header.length && !/[=;,\s]/.test(header[i] as string)) i++;
      const name = header.slice(nameStart, i).toLowerCase();
      skipSpace();
      let value = '';
      if (header[i] === '=') {
        i++;
        skipSpace();
        if (header[i] === '"') {
          i++;
          while (i < header.length && header[i] !== '"') {
            if (header[i] === '\\' && i + 1 < header.length) i++;
            value += header[i];
            i++;
          }
          i++;
        } else {
          const valueStart = i;
          while (i < header.length && !/[;,]/.test(header[i] as string)) i++;
          value = header.slice(valueStart, i).trim();
        }
      }
      if (name !== '' && !Object.hasOwn(link.params, name)) link.params[name] = value;
    }
    links.push(link);
  }
  return links;
}

/** The target of the first link whose relation types include `rel` (case-insensitive). */
export function findLink(links: readonly LinkValue[], rel: string): string | undefined {
  const wanted = rel.toLowerCase();
  return links.find((link) =>
    (link.params['rel'] ?? '')
      .toLowerCase()
      .split(/\s+/)
      .some((type) => type === wanted),
  )?.target;
}
