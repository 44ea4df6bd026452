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
/** Elements whose attributes or content React writes its own way (values, selection, scripts, SVG's names). */
const REACTS = new Set([
  'input',
  'select',
  'textarea',
  'option',
  'button',
  'form',
  'script',
  'style',
  'svg',
  'math',
]);
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
const URLS = new Set(['href', 'src', 'action', 'formaction', 'poster', 'cite']);
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
    if (typeof value === 'function') throw new NotStatic(`<${tag} ${key}>: a handler`);
    const name = RENAMED[key] ?? key;
    if (!ATTRIBUTE.test(name)) throw new NotStatic(`<${tag} ${key}>`);
    // aria-* and data-* keep a boolean as its text, as React writes them; other booleans are present or absent.
    const textual = name.startsWith('aria-') || name.startsWith('data-');
    if (typeof value === 'boolean' && !textual) {
      if (value) out += ` ${name}=""`;
      continue;
    }
    if (typeof value === 'object' || typeof value === 'symbol')
      throw new NotStatic(`<${tag} ${key}>: an object`);
    const text = String(value);
    if (URLS.has(name) && SCRIPT_URL.test(text)) throw new NotStatic(`<${tag} ${key}>: a script address`);
    out += ` ${name}="${escapeHtml(text)}"`;
  }
  return out;
}

/** next/link's element as the `<a>` it renders, when nothing but its address, classes and labels are set. */
const LINK_PROPS = new Set(['href', 'className', 'children', 'title', 'id', 'role', 'prefetch']);
function anchorOf(props: Record<string, unknown>): Element {
  const rest: Record<string, unknown> = {};
  for (const key in props) {
    if (key === 'prefetch') continue;
    if (!LINK_PROPS.has(key) && !key.startsWith('aria-') && !key.startsWith('data-'))
      throw new NotStatic(`<Link ${key}>`);
    rest[key] = props[key];
  }
  if (typeof rest.href !== 'string') throw new NotStatic('<Link> with an address object');
  return createElement('a', rest) as unknown as Element;
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
  if (type === Link) {
    let anchor: Element;
    try {
      anchor = anchorOf(props);
    } catch (e) {
      if (e instanceof NotStatic) return { live: node };
      throw e;
    }
    const inner = walk(anchor as unknown as ReactNode);
    return isWritten(inner) ? { html: inner.html, node: () => keyed(inner.node()) } : { live: node };
  }
  if (typeof type === 'string') {
    let attrs: string | null = null;
    if (TAG.test(type) && !REACTS.has(type) && !('dangerouslySetInnerHTML' in props))
      try {
        attrs = attributes(type, props);
      } catch (e) {
        if (!(e instanceof NotStatic)) throw e;
      }
    const inner = walk(props.children as ReactNode);
    if (attrs === null || !isWritten(inner)) return { live: withChildren(node, asNode(inner)) };
    if (VOID.has(type)) return { html: `<${type}${attrs}/>`, node: () => node };
    return {
      html: `<${type}${attrs}>${inner.html}</${type}>`,
      // Text alone stays a text child: React writes it as cheaply as a string of HTML.
      node: () =>
        typeof props.children === 'string' || typeof props.children === 'number'
          ? node
          : createElement(type, { ...without(props), key, dangerouslySetInnerHTML: { __html: inner.html } }),
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

function withChildren(node: Element, children: ReactNode): ReactNode {
  return createElement(node.type as string, { ...without(node.props), key: node.key }, children);
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
