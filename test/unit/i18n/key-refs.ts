/**
 * The translation keys a source file uses, read from its syntax tree, and what each resolves to in a
 * locale's JSON. A key is used where a translate function (i18n.t, or the `t` of `useTranslation('ns')`
 * under whatever name) is called with a literal or a template, and wherever a string literal reads
 * `namespace:key` for a namespace that exists (keys kept in tables, such as phase-words.ts's).
 */
import ts from 'typescript';

type Json = { [key: string]: string | Json };

export interface KeyRef {
  ns: string;
  /** The key's segments, split on "."; a segment with a computed part is a pattern (RegExp source). */
  segments: { text: string; computed: boolean }[];
  line: number;
  /** As written, for messages. */
  written: string;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The segments of a key made from a template's pieces: text between computed parts. */
function segmentsOf(pieces: { text: string; computed: boolean }[]): KeyRef['segments'] {
  // Join into one string with a marker for each computed part, then split on ".".
  const MARK = '\u0000';
  const joined = pieces.map((p) => (p.computed ? MARK : p.text)).join('');
  return joined.split('.').map((seg) => (seg.includes(MARK) ? { text: seg.split(MARK).map(escape).join('[^.]+'), computed: true } : { text: seg, computed: false }));
}

/** Every key reference in `text`; `namespaces` are those that exist (a literal `x:y` with another x is not a key). */
export function keyRefs(file: string, text: string, namespaces: ReadonlySet<string>): KeyRef[] {
  // Parsing is the slow part: a file with no translate function and no `ns:` literal has no key.
  const nsLiteral = new RegExp(`['"\`](?:${[...namespaces].join('|')}):`);
  if (!/useTranslation|i18n|i18next/.test(text) && !nsLiteral.test(text)) return [];
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  // Which namespace each translate function reads: `const { t } = useTranslation('drill')`, `const { t: tr } = ...`.
  const bindings = [...text.matchAll(/const\s*{\s*t(?:\s*:\s*(\w+))?[^}]*}\s*=\s*useTranslation\(\s*(?:'([\w-]+)')?/g)].map((m) => ({ at: m.index, name: m[1] ?? 't', ns: m[2] ?? 'common' }));
  const names = new Set(['i18n.t', 'i18next.t', ...bindings.map((b) => b.name)]);
  const refs: KeyRef[] = [];
  const handled = new Set<ts.Node>();
  const add = (node: ts.Node, pieces: { text: string; computed: boolean }[], fallbackNs: string | null) => {
    const first = pieces[0]!;
    const colon = first.computed ? -1 : first.text.indexOf(':');
    let ns = fallbackNs;
    let rest = pieces;
    if (colon >= 0 && namespaces.has(first.text.slice(0, colon))) {
      ns = first.text.slice(0, colon);
      rest = [{ text: first.text.slice(colon + 1), computed: false }, ...pieces.slice(1)];
    }
    if (!ns) return;
    refs.push({ ns, segments: segmentsOf(rest), line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1, written: node.getText(sf) });
  };
  const piecesOf = (e: ts.Node): { text: string; computed: boolean }[] | null => {
    if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return [{ text: e.text, computed: false }];
    if (ts.isTemplateExpression(e)) return [{ text: e.head.text, computed: false }, ...e.templateSpans.flatMap((s) => [{ text: '', computed: true }, { text: s.literal.text, computed: false }])];
    return null;
  };
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && names.has(node.expression.getText(sf)) && node.arguments[0]) {
      const arg = node.arguments[0];
      const pieces = piecesOf(arg);
      if (pieces) {
        const name = node.expression.getText(sf);
        const pos = node.getStart();
        const binding = name.endsWith('.t') ? undefined : (bindings.filter((b) => b.name === name && b.at < pos).at(-1) ?? bindings.find((b) => b.name === name));
        add(arg, pieces, name.endsWith('.t') ? 'common' : (binding?.ns ?? 'common'));
        handled.add(arg);
      }
    } else if (!handled.has(node) && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node))) {
      const pieces = piecesOf(node)!;
      const m = /^([\w-]+):\S/.exec(pieces[0]!.text);
      if (m && namespaces.has(m[1]!) && (pieces.length > 1 || /^[\w-]+:[\w.-]+$/.test(pieces[0]!.text))) add(node, pieces, null);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return refs;
}

const PLURALS = ['zero', 'one', 'two', 'few', 'many', 'other'];

/**
 * What is wrong with `ref` in one language's namespace, or null when it reads a text: a key that goes
 * through a text ("trainee.lobby" where "trainee" is a text), one that names a group of keys rather
 * than a text, a missing one, and a computed key whose group is computed too (it cannot be checked:
 * spell its keys out).
 */
export function keyProblem(ns: Json | undefined, ref: KeyRef): string | null {
  if (!ns) return `no namespace "${ref.ns}"`;
  const { segments } = ref;
  if (segments.length > 1 && segments[0]!.computed) return 'its group is computed, so it cannot be checked: list the keys';
  // Candidates: every node the segments can reach.
  let nodes: (string | Json)[] = [ns];
  for (const [i, seg] of segments.entries()) {
    const last = i === segments.length - 1;
    const next: (string | Json)[] = [];
    for (const node of nodes) {
      if (typeof node === 'string') return `"${segments.slice(0, i).map((s) => s.text).join('.')}" is a text, not a group of keys`;
      const matches = seg.computed ? Object.keys(node).filter((k) => new RegExp(`^${seg.text}$`).test(k)) : seg.text in node ? [seg.text] : [];
      const pluralBase = last && !seg.computed && PLURALS.some((p) => typeof node[`${seg.text}_${p}`] === 'string');
      if (pluralBase) next.push('(plural)');
      for (const k of matches) next.push(node[k]!);
    }
    if (next.length === 0) return 'no such key';
    nodes = next;
  }
  const groups = nodes.filter((n) => typeof n !== 'string');
  if (groups.length === nodes.length) return 'it names a group of keys, not a text';
  if (!segments.some((s) => s.computed) && groups.length) return 'it names a group of keys, not a text';
  return null;
}
