import Link from 'next/link';
import { createElement, Fragment, type ReactNode } from 'react';

/**
 * A server component's read-only output written as HTML, so that React does not carry it element by element.
 *
 * Without it every element of a long list is serialized into the page's RSC payload, read back and rendered again
 * to HTML (about 0.4 ms a row of eight cells on the roster). `compact(node)` keeps the tree React needs — client
 * components, forms, whatever cannot be static — and turns every subtree that is only host elements, text,
 * next/link and synchronous server components without hooks (Badge, FileLinks, a cell's spans) into one element
 * whose content is an HTML string. `staticMarkup(node)` writes a subtree that must be wholly static.
 *
 * Everything is escaped, as React escapes it (a unit test compares the two). What only React can write — a client
 * component, an async component, a handler, a form control, an SVG attribute, a `javascript:` address, raw HTML —
 * throws `NotStatic` in `staticMarkup` and stays React's in `compact`.
 *
 * A link written this way is a plain `<a>`; `ClientLinks` around the portal's main area makes its click a client
 * navigation, as next/link's.
 */
export class NotStatic extends Error {}

const ELEMENT = Symbol.for('react.transitional.element');
const LEGACY_ELEMENT = Symbol.for('react.element');
const VOID = new Set(['area', 'br', 'col', 'hr', 'img', 'wbr']);
/**
 * Elements React writes its own way — values and selection, scripts and styles, SVG's and MathML's names, what it
 * hoists into <head>, the newline it adds after <pre>, embedded documents — are left to it.
 */
const REACTS = new Set(
  (
    'input select textarea option optgroup button form script style noscript template svg math title meta link ' +
    'base head html body pre listing iframe object embed param source track audio video canvas'
  ).split(' '),
);
/** React's boolean attributes: present when true, absent when false. */
const BOOLEAN = new Set(['hidden', 'open', 'reversed', 'itemscope', 'inert']);
const TAG = /^[a-z][a-z0-9-]*$/;
const ATTRIBUTE = /^[a-z][a-z0-9-]*$/;
const RENAMED: Record<string, string> = {
  className: 'class',
  htmlFor: 'for',
  tabIndex: 'tabindex',
  colSpan: 'colspan',
  rowSpan: 'rowspan',
  dateTime: 'datetime',
};
const SKIPPED = new Set(['children', 'key', 'ref']);
const URLS = new Set(['href', 'src', 'action', 'formaction', 'poster', 'cite', 'data', 'srcset', 'ping']);
const SCRIPT_URL =
  /^[\u0000-\u001F ]*j[\r\n\t]*a[\r\n\t]*v[\r\n\t]*a[\r\n\t]*s[\r\n\t]*c[\r\n\t]*r[\r\n\t]*i[\r\n\t]*p[\r\n\t]*t[\r\n\t]*:/i;

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#x27;',
};
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

type Element = { $$typeof: symbol; type: unknown; props: Record<string, unknown>; key: string | null };

function isElement(node: unknown): node is Element {
  if (typeof node !== 'object' || node === null) return false;
  const tag = (node as { $$typeof?: unknown }).$$typeof;
  return tag === ELEMENT || tag === LEGACY_ELEMENT;
}

function attributes(tag: string, props: Record<string, unknown>): string {
  let out = '';
  for (const key in props) {
    const value = props[key];
    if (SKIPPED.has(key) || value === null || value === undefined) continue;
    const name = RENAMED[key] ?? key;
    // Handlers, inline styles and anything React maps, drops or checks are React's to write.
    if (!ATTRIBUTE.test(name) || /^on/i.test(name) || name === 'style' || name === 'is')
      throw new NotStatic(`<${tag} ${key}>`);
    // aria-* and data-* keep a boolean as its text, as React writes them.
    const textual = name.startsWith('aria-') || name.startsWith('data-');
    if (BOOLEAN.has(name)) {
      if (typeof value !== 'boolean') throw new NotStatic(`<${tag} ${key}>: not a boolean`);
      if (value) out += ` ${name}=""`;
      continue;
    }
    if (typeof value === 'boolean' && !textual) throw new NotStatic(`<${tag} ${key}>: a boolean`);
    if (typeof value === 'number' && !Number.isFinite(value))
      throw new NotStatic(`<${tag} ${key}>: ${value}`);
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean')
      throw new NotStatic(`<${tag} ${key}>: a ${typeof value}`);
    const text = String(value);
    if (URLS.has(name) && (text === '' || SCRIPT_URL.test(text)))
      throw new NotStatic(`<${tag} ${key}>: an empty or script address`);
    out += ` ${name}="${escapeHtml(text)}"`;
  }
  return out;
}

/** next/link's props as the `<a>`'s it renders, when nothing but its address, classes and labels are set. */
const LINK_PROPS = new Set(['href', 'className', 'title', 'id', 'role']);
function anchorProps(props: Record<string, unknown>): Record<string, unknown> {
  const rest: Record<string, unknown> = {};
  for (const key in props) {
    if (key === 'prefetch' || key === 'children') continue;
    if (!LINK_PROPS.has(key) && !key.startsWith('aria-') && !key.startsWith('data-'))
      throw new NotStatic(`<Link ${key}>`);
    rest[key] = props[key];
  }
  if (typeof rest.href !== 'string') throw new NotStatic('<Link> with an address object');
  return rest;
}

/** A server component we may call: a plain function (a client component arrives as a marked reference). */
function isServerFunction(type: unknown): type is (props: unknown) => unknown {
  return typeof type === 'function' && (type as { $$typeof?: unknown }).$$typeof === undefined;
}

/** A subtree wholly static: its HTML, and how to give it back to React as few elements as possible. */
type Written = { html: string; node: () => ReactNode };
type Walked = Written | { live: ReactNode };
const isWritten = (w: Walked): w is Written => 'html' in w;
const asNode = (w: Walked): ReactNode => (isWritten(w) ? w.node() : w.live);

function walk(node: ReactNode): Walked {
  if (node === null || node === undefined || typeof node === 'boolean') return { html: '', node: () => node };
  if (typeof node === 'string') return { html: escapeHtml(node), node: () => node };
  if (typeof node === 'number' || typeof node === 'bigint') return { html: String(node), node: () => node };
  if (Array.isArray(node)) {
    const parts = node.map((child) => walk(child as ReactNode));
    if (parts.every(isWritten))
      return { html: parts.map((p) => p.html).join(''), node: () => parts.map(asNode) };
    return { live: parts.map(asNode) };
  }
  if (!isElement(node)) return { live: node };
  const { type, props, key } = node;
  const keyed = (child: ReactNode) => (key === null ? child : createElement(Fragment, { key }, child));
  if (type === Fragment) {
    const inner = walk(props.children as ReactNode);
    return isWritten(inner)
      ? { html: inner.html, node: () => keyed(inner.node()) }
      : { live: keyed(inner.live) };
  }
  if (type === Link || typeof type === 'string') {
    // next/link is written as the <a> it renders; ClientLinks gives its click back to the router.
    const tag = type === Link ? 'a' : (type as string);
    let own: Record<string, unknown> | null = null;
    let attrs: string | null = null;
    if (TAG.test(tag) && !REACTS.has(tag) && !('dangerouslySetInnerHTML' in props))
      try {
        own = type === Link ? anchorProps(props) : without(props);
        attrs = attributes(tag, own);
      } catch (e) {
        if (!(e instanceof NotStatic)) throw e;
      }
    // The children are walked once: server components among them are called once, whatever becomes of them.
    const inner = walk(props.children as ReactNode);
    if (attrs === null || own === null || !isWritten(inner))
      return { live: withChildren(node, asNode(inner)) };
    if (VOID.has(tag)) return { html: `<${tag}${attrs}/>`, node: () => node };
    const html = inner.html;
    const text = typeof props.children === 'string' || typeof props.children === 'number';
    return {
      html: `<${tag}${attrs}>${html}</${tag}>`,
      // Text alone stays a text child: React writes it as cheaply as a string of HTML.
      node: () =>
        text
          ? createElement(tag, { ...own, key: key ?? undefined }, props.children as string)
          : createElement(tag, { ...own, key: key ?? undefined, dangerouslySetInnerHTML: { __html: html } }),
    };
  }
  if (isServerFunction(type)) {
    const out = type(props);
    // An async component has begun its work: React renders the promise it gave, not the component again.
    if (out instanceof Promise) return { live: keyed(out as unknown as ReactNode) };
    const inner = walk(out as ReactNode);
    return isWritten(inner)
      ? { html: inner.html, node: () => keyed(inner.node()) }
      : { live: keyed(inner.live) };
  }
  // A client component: React's, with what it is given as children compacted.
  return 'children' in props
    ? { live: withChildren(node, asNode(walk(props.children as ReactNode))) }
    : { live: node };
}

function without(props: Record<string, unknown>): Record<string, unknown> {
  const { children: _children, ...rest } = props;
  return rest;
}

/** The element again with other children; no key stays no key (React would read `null` as the key "null"). */
function withChildren(node: Element, children: ReactNode): ReactNode {
  const props = { ...without(node.props), key: node.key ?? undefined };
  const type = node.type as Parameters<typeof createElement>[0];
  return Array.isArray(children)
    ? createElement(type, props, ...children)
    : createElement(type, props, children);
}

/** A subtree that must be wholly static, as HTML; `NotStatic` when any part of it is not. */
export function staticMarkup(node: ReactNode): string {
  const w = walk(node);
  if (!isWritten(w)) throw new NotStatic('a part only React can render');
  return w.html;
}

/** The same tree for React, with each wholly static subtree as one element holding its HTML. */
export function compact(node: ReactNode): ReactNode {
  return asNode(walk(node));
}
