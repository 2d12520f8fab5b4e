/**
 * Seeded generators of hostile request bodies for /api/messages and the WhatsApp webhook: random JSON, mutated
 * activities (wrong types, missing fields, huge strings, control characters, deep nesting, odd unicode), and broken
 * bytes. The same seed gives the same cases, so a failure can be replayed with FUZZ_SEED.
 */

/** mulberry32: small, fast, good enough to spread cases; not for secrets. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Fuzz {
  constructor(readonly random: () => number) {}

  int(max: number): number {
    return Math.floor(this.random() * max);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  chance(p: number): boolean {
    return this.random() < p;
  }

  /** Strings a parser, a recogniser or a storage key might choke on. */
  oddString(): string {
    // Huge strings are rarer than the rest: one in fifty is plenty to exercise the limits, and they cost the sender too.
    switch (this.chance(0.02) ? 1 : this.pick([0, 2, 3, 4, 5, 6, 7, 8, 9, 9, 9, 10, 11])) {
      case 0:
        return '';
      case 1:
        return 'x'.repeat(this.pick([1000, 5000, 50_000, 200_000]));
      case 2:
        return Array.from({ length: 50 }, () => String.fromCharCode(this.int(32))).join('');
      case 3:
        return '\uD800' + 'a' + '\uDFFF' + '\uDBFF';
      case 4:
        return '\u202Egnitirw\u202C \u200B\u200D\uFEFF zero width \u0301\u0301\u0301';
      case 5:
        return '👨‍👩‍👧‍👦'.repeat(this.int(100) + 1);
      case 6:
        return '../../etc/passwd\\..\\..\\windows';
      case 7:
        return '<script>alert(1)</script>{{7*7}}${7*7}%s%n';
      case 8:
        return 'Z̷̢̛a̸l̶g̴o̵'.repeat(this.int(200) + 1);
      case 9:
        return this.pick(['hallo', 'hoe krijg ik toegang', 'menu', 'ja', '1', 'vergeet mij', 'English please', 'wachtwoord vergeten']);
      case 10:
        return String.fromCodePoint(...Array.from({ length: 40 }, () => this.int(0x10ffff + 1)).filter((c) => c < 0xd800 || c > 0xdfff));
      default:
        return `__proto__ constructor prototype ${this.int(1e9)}`;
    }
  }

  /** Any JSON value, nested up to `depth`. */
  value(depth = 3): unknown {
    const kind = depth <= 0 ? this.int(5) : this.int(8);
    switch (kind) {
      case 0:
        return null;
      case 1:
        return this.chance(0.5);
      case 2:
        return this.pick([0, -1, 1e308, -1e308, 2 ** 53 + 1, 0.1, NaN, Infinity]);
      case 3:
      case 4:
        return this.oddString();
      case 5:
        return Array.from({ length: this.int(5) }, () => this.value(depth - 1));
      case 6:
        return Object.fromEntries(Array.from({ length: this.int(5) }, () => [this.pick(['type', 'id', 'text', '__proto__', 'constructor', this.oddString().slice(0, 30)]), this.value(depth - 1)]));
      default:
        // Deeper values are sent as raw text by brokenBody: JSON.stringify itself overflows near 10,000 levels.
        return this.nested(this.pick([10, 40, 1000, 3000]));
    }
  }

  /** Arrays or objects nested `levels` deep. */
  nested(levels: number): unknown {
    let value: unknown = 'bottom';
    for (let i = 0; i < levels; i++) value = i % 2 ? [value] : { a: value };
    return value;
  }
}

const TYPES = ['message', 'conversationUpdate', 'installationUpdate', 'event', 'invoke', 'endOfConversation', 'typing', 'messageReaction', 'trace', 'handoff', 'invokeResponse', 'MESSAGE', 'message ', 'unknownType', ''];
const FIELDS = ['type', 'id', 'channelId', 'serviceUrl', 'conversation', 'from', 'recipient', 'text', 'locale', 'deliveryMode', 'timestamp', 'attachments', 'entities', 'value', 'channelData', 'membersAdded', 'name', 'replyToId', 'textFormat'];

/** A valid activity for a random user and conversation out of a pool, so limits, queues and state all get exercised. */
export function baseActivity(fuzz: Fuzz, serviceUrl: string, index: number): Record<string, unknown> {
  const user = fuzz.int(1500);
  return {
    type: 'message',
    id: `fuzz-${index}`,
    channelId: fuzz.pick(['webchat', 'msteams', 'emulator', 'directline', 'whatsapp', 'test']),
    serviceUrl,
    conversation: { id: `fuzz-conv-${user % 700}` },
    from: { id: `fuzz-user-${user}`, role: 'user' },
    recipient: { id: 'bot', role: 'bot' },
    locale: fuzz.pick(['nl-NL', 'en-US', 'de-DE', '', 'xx']),
    text: fuzz.oddString(),
    deliveryMode: fuzz.pick(['expectReplies', 'expectReplies', undefined, 'normal', 'notification', 'ephemeral']),
  };
}

/** One mutation of a valid activity: a field dropped, retyped, oversized or replaced with something odd. */
export function mutate(fuzz: Fuzz, activity: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...activity };
  const rounds = 1 + fuzz.int(3);
  for (let i = 0; i < rounds; i++) {
    const field = fuzz.pick(FIELDS);
    switch (fuzz.int(9)) {
      case 0:
        delete copy[field];
        break;
      case 1:
        copy[field] = fuzz.value();
        break;
      case 2:
        copy.type = fuzz.pick(TYPES);
        break;
      case 3:
        copy[field] = { id: fuzz.oddString() };
        break;
      case 4:
        copy.attachments = Array.from({ length: fuzz.pick([1, 50, 600]) }, (_, n) => ({ contentType: fuzz.pick(['image/png', 'application/vnd.microsoft.card.adaptive', '', 'x'.repeat(300)]), content: n === 0 ? fuzz.value(2) : n }));
        break;
      case 5:
        copy.membersAdded = Array.from({ length: fuzz.pick([1, 200, 600]) }, (_, n) => ({ id: n === 0 && fuzz.chance(0.2) ? fuzz.value(1) : `m-${n}`, name: 'x' }));
        copy.type = 'conversationUpdate';
        break;
      case 6:
        copy.value = fuzz.chance(0.5) ? { goto: fuzz.oddString() } : fuzz.nested(fuzz.pick([5, 33, 3000]));
        break;
      case 7:
        copy.timestamp = fuzz.pick(['2024-13-45T99:99:99Z', 'not a date', 0, '1970-01-01T00:00:00Z', '9999-12-31T23:59:59Z']);
        break;
      default:
        copy.text = fuzz.oddString();
    }
  }
  return copy;
}

/** Bodies that are not even JSON, or not the JSON they claim: the parser's edge cases. */
export function brokenBody(fuzz: Fuzz, valid: string): string {
  switch (fuzz.int(8)) {
    case 7:
      // Over the 256 KB limit.
      return valid.replace('{', `{"padding":"${'x'.repeat(300_000)}",`);
    case 0:
      return valid.slice(0, fuzz.int(valid.length));
    case 1:
      return '';
    case 2:
      return '['.repeat(50_000) + ']'.repeat(50_000);
    case 3:
      return '{"a":'.repeat(20_000) + '1' + '}'.repeat(20_000);
    case 4:
      return valid.replace(/"/g, fuzz.pick(["'", '', '\\"']));
    case 5:
      return JSON.stringify(fuzz.value(4));
    default:
      return '\u0000\uFFFE' + valid + ',,,';
  }
}

/** A Meta webhook payload, mutated like the activities (the parser reads every field defensively). */
export function whatsAppPayload(fuzz: Fuzz, phoneNumberId: string, index: number): unknown {
  const message: Record<string, unknown> = {
    from: `3161234${String(fuzz.int(10_000)).padStart(4, '0')}`,
    id: `wamid.fuzz${index}`,
    timestamp: String(Math.floor(Date.now() / 1000)),
    type: 'text',
    text: { body: fuzz.oddString() },
  };
  if (fuzz.chance(0.6)) mutateInPlace(fuzz, message, ['from', 'id', 'timestamp', 'type', 'text', 'interactive', 'button', 'image', 'group_id']);
  const value: Record<string, unknown> = {
    messaging_product: 'whatsapp',
    metadata: { display_phone_number: '31201234567', phone_number_id: fuzz.chance(0.9) ? phoneNumberId : fuzz.value(1) },
    contacts: [{ profile: { name: fuzz.oddString().slice(0, 100) }, wa_id: message.from }],
    // Many copies of one message (a redelivery storm), but only of small ones: 300 copies of a huge text cost the sender more than us.
    messages: fuzz.chance(0.1) ? Array.from({ length: JSON.stringify(message).length < 2_000 ? 300 : 3 }, () => message) : [message],
  };
  if (fuzz.chance(0.2)) mutateInPlace(fuzz, value, ['messaging_product', 'metadata', 'contacts', 'messages', 'statuses']);
  const payload: Record<string, unknown> = { object: 'whatsapp_business_account', entry: [{ id: '1', changes: [{ field: 'messages', value }] }] };
  if (fuzz.chance(0.1)) mutateInPlace(fuzz, payload, ['object', 'entry']);
  return payload;
}

function mutateInPlace(fuzz: Fuzz, target: Record<string, unknown>, fields: string[]): void {
  const field = fuzz.pick(fields);
  if (fuzz.chance(0.3)) delete target[field];
  else target[field] = fuzz.chance(0.5) ? fuzz.value(2) : { body: fuzz.oddString(), id: fuzz.oddString(), title: fuzz.oddString(), type: 'button_reply', button_reply: { id: fuzz.oddString(), title: fuzz.oddString() } };
}
