// Email address lists as Alertmanager reads them: it parses `to` with Go's net/mail.ParseAddressList and `from` with
// mail.ParseAddress when it sends (alertmanager notify/email/email.go), so an RFC 5322 display name is welcome:
// `"Ops, EU" <ops@example.com>, oncall@example.com`. This is the subset of RFC 5322 net/mail accepts that people
// write: mailboxes with or without a display name (atoms or a quoted string), no groups, no comments.

/** One mailbox of an address list. */
export interface MailAddress {
  /** The display name, unquoted. @default - none */
  readonly name?: string;
  /** The address, `local@domain`. */
  readonly address: string;
}

/** RFC 5322 atext. */
const ATEXT = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]";
const DOT_ATOM = new RegExp(`^${ATEXT}+(\\.${ATEXT}+)*$`);
/** A quoted string: printable ASCII (and UTF-8) other than `"` and `\`, or backslash pairs. */
const QUOTED = /^"(?:[^"\\\r\n]|\\.)*"$/;
/** A domain: dot-atom labels, or a literal such as [192.0.2.1]. */
const DOMAIN_LITERAL = /^\[[^\][\\\s]*\]$/;

function addrSpec(text: string): string | undefined {
  const at = text.lastIndexOf('@');
  if (at <= 0 || at === text.length - 1) return undefined;
  const local = text.slice(0, at);
  const domain = text.slice(at + 1);
  if (!DOT_ATOM.test(local) && !QUOTED.test(local)) return undefined;
  if (!DOT_ATOM.test(domain) && !DOMAIN_LITERAL.test(domain)) return undefined;
  return text;
}

/** A display name: a quoted string, or words of atext, dots and spaces (net/mail also accepts the obsolete dots). */
function displayName(text: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return '';
  if (QUOTED.test(trimmed)) return trimmed.slice(1, -1).replace(/\\(.)/g, '$1');
  if (/^(?:[A-Za-z0-9!#$%&'*+/=?^_`{|}~.\u0080-\uffff-]+\s*)+$/.test(trimmed)) return trimmed;
  return undefined;
}

/** Splits on commas outside quoted strings and angle brackets. */
function splitList(text: string): string[] | undefined {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  let angle = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      current += c;
      if (c === '\\' && i + 1 < text.length) current += text[++i];
      else if (c === '"') quoted = false;
    } else if (c === '"') {
      quoted = true;
      current += c;
    } else if (c === '<') {
      if (angle) return undefined;
      angle = true;
      current += c;
    } else if (c === '>') {
      if (!angle) return undefined;
      angle = false;
      current += c;
    } else if (c === ',' && !angle) {
      parts.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  if (quoted || angle) return undefined;
  parts.push(current);
  return parts;
}

/** Parses one mailbox: `addr@example.com` or `Name <addr@example.com>`. */
export function parseMailAddress(text: string): MailAddress | undefined {
  if (typeof text !== 'string') return undefined;
  const trimmed = text.trim();
  const open = trimmed.lastIndexOf('<');
  if (open < 0) {
    const address = addrSpec(trimmed);
    return address === undefined ? undefined : { address };
  }
  if (!trimmed.endsWith('>')) return undefined;
  const name = displayName(trimmed.slice(0, open));
  const address = addrSpec(trimmed.slice(open + 1, -1).trim());
  if (name === undefined || address === undefined) return undefined;
  return name === '' ? { address } : { name, address };
}

/** Parses a comma-separated address list; undefined when any entry is not a mailbox. */
export function parseMailAddressList(text: string): MailAddress[] | undefined {
  if (typeof text !== 'string' || text.trim() === '') return undefined;
  const parts = splitList(text);
  if (!parts) return undefined;
  const out: MailAddress[] = [];
  for (const part of parts) {
    const mailbox = parseMailAddress(part);
    if (!mailbox) return undefined;
    out.push(mailbox);
  }
  return out;
}
