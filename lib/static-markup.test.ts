import { createElement as h, Fragment, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import Link from 'next/link';
import { compact, NotStatic, escapeHtml, staticMarkup } from './static-markup';

function Badge({ tone, children }: { tone: string; children?: ReactNode }) {
  return h('span', { className: `wb-badge ${tone}` }, children);
}

// Stands for a client component (a form): React renders it, `compact` must leave it to React.
const Island = Object.assign(({ id }: { id: string }) => h('button', { type: 'button' }, `保存${id}`), {
  $$typeof: Symbol.for('react.client.reference'),
});

const rows: [string, ReactNode][] = [
  ['text and numbers', h('td', null, '张三', ' · ', 42, null, false, undefined)],
  ['markup in text', h('span', null, '<script>alert("x")</script> & \'引号\'')],
  [
    'attributes',
    h(
      'a',
      { href: '/people/1?x="1"&y=<2>', className: 'wb-link', 'data-label': '姓名', title: "O'Neil" },
      '甲',
    ),
  ],
  ['aria and data booleans', h('span', { 'aria-hidden': true, 'data-open': false }, '标签')],
  ['boolean attributes', h('details', { open: true, hidden: false }, h('summary', null, '展开'))],
  ['void elements', h('p', null, '一', h('br'), '二', h('hr', { className: 'my-1' }))],
  ['fragments and arrays', h(Fragment, null, [h('b', { key: 1 }, '甲'), h('i', { key: 2 }, '乙')], '丙')],
  [
    'function components',
    h('td', null, h(Badge, { tone: 'green' }, '正式党员'), h(Badge, { tone: 'amber' })),
  ],
  [
    'a table row',
    h(
      'tr',
      { role: 'row', className: 'wb-tr' },
      h(
        'td',
        { role: 'cell', 'data-label': '状态', className: 'wb-td' },
        h('span', { className: 'wb-cv' }, '—'),
      ),
    ),
  ],
];

describe('staticMarkup', () => {
  it.each(rows)('writes %s as React writes it', (_, node) => {
    const ours = staticMarkup(node);
    // A <tr> or <td> outside a table is still written by both; only the text is compared.
    expect(ours).toBe(renderToStaticMarkup(h(Fragment, null, node)));
  });

  it('escapes every character that could end text or an attribute', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&`)).toBe(
      '&lt;a href=&quot;x&quot; onclick=&#x27;y&#x27;&gt;&amp;',
    );
    const out = staticMarkup(h('span', { title: '"><script>' }, '</span><script>alert(1)</script>'));
    expect(out).not.toContain('<script>');
    expect(out).toBe(
      '<span title="&quot;&gt;&lt;script&gt;">&lt;/span&gt;&lt;script&gt;alert(1)&lt;/script&gt;</span>',
    );
  });

  it('refuses what only React can render, so the caller falls back to it', () => {
    const refused: ReactNode[] = [
      h('button', { onClick: () => undefined }, '保存'),
      h('div', { dangerouslySetInnerHTML: { __html: '<b>x</b>' } }),
      h('div', { style: { color: 'red' } }),
      h('div', { 'x onmouseover': 'alert(1)' }),
      h('div', { title: { toString: () => 'x' } }),
      h('scr ipt'),
      h(async function Later() {
        return h('span');
      }),
      // A client component reaches a server module as a reference marked with $$typeof.
      h(Object.assign(() => h('a'), { $$typeof: Symbol.for('react.client.reference') })),
      h(Badge, { tone: 'red' }, h('button', { onClick: () => undefined })),
      { notAnElement: true } as unknown as ReactNode,
    ];
    for (const node of refused) expect(() => staticMarkup(node), String(node)).toThrow(NotStatic);
  });

  it('writes next/link as its anchor, and leaves a link that needs the router to React', () => {
    expect(staticMarkup(h(Link, { href: '/people/1', className: 'wb-link', prefetch: false }, '张三'))).toBe(
      '<a href="/people/1" class="wb-link">张三</a>',
    );
    expect(() => staticMarkup(h(Link, { href: '/x', replace: true }, 'x'))).toThrow(NotStatic);
    expect(() => staticMarkup(h(Link, { href: { pathname: '/x' } }, 'x'))).toThrow(NotStatic);
    expect(() => staticMarkup(h('a', { href: ' java\tscript:alert(1)' }, 'x'))).toThrow(NotStatic);
    expect(() => staticMarkup(h('input', { defaultValue: 'x' }))).toThrow(NotStatic);
    expect(() => staticMarkup(h('svg', { viewBox: '0 0 1 1' }))).toThrow(NotStatic);
    expect(() => staticMarkup(h('path', { strokeWidth: 2 }))).toThrow(NotStatic);
  });

  it('compacts the static parts of a list and leaves its forms to React, writing the same page', () => {
    const tree = h(
      'ul',
      { className: 'divide-y' },
      ['一', '二'].map((id) =>
        h(
          'li',
          { key: id, 'data-task-id': id },
          h(
            'div',
            { className: 'font-medium' },
            h('b', null, '任务'),
            id,
            h(Badge, { tone: 'red' }, '已逾期'),
          ),
          id === '一' ? h(Island, { id }) : h('span', null, '已完成'),
        ),
      ),
    );
    const out = compact(tree) as { props: { children: { props: Record<string, unknown> }[] } };
    const [first, second] = out.props.children;
    // The row with a form keeps its elements; its static part is one element of HTML.
    const parts = first!.props.children as { type: unknown; props: Record<string, unknown> }[];
    expect(parts[0]!.props.dangerouslySetInnerHTML).toEqual({
      __html: '<b>任务</b>一<span class="wb-badge red">已逾期</span>',
    });
    expect(parts[1]!.type).toBe(Island);
    // The row without one is a single element.
    expect(second!.props.dangerouslySetInnerHTML).toBeDefined();
    expect(second!.props['data-task-id']).toBe('二');
    expect(renderToStaticMarkup(compact(tree))).toBe(renderToStaticMarkup(tree));
  });

  it('leaves to React every attribute and element React writes its own way', () => {
    const refused: ReactNode[] = [
      h('div', { onclick: 'alert(1)' }),
      h('div', { style: 'color: red' } as never),
      h('div', { hidden: '' } as never),
      h('div', { draggable: false }),
      h('div', { title: true } as never),
      h('td', { rowSpan: Number.NaN }),
      h('a', { href: '' }, 'x'),
      h('pre', null, '\n第一行'),
      h('object', { data: 'javascript:alert(1)' }),
      h('title', null, '标题'),
    ];
    for (const node of refused) expect(() => staticMarkup(node)).toThrow(NotStatic);
  });

  it('gives a rebuilt element no key where it had none, and keeps the keys it had', () => {
    const tree = h('section', null, h('p', null, h(Island, { id: '一' })), h('p', null, h('b', null, '甲')), [
      h('i', { key: 'k1' }, h(Island, { id: '二' })),
      h('i', { key: 'k2' }, h('b', null, '乙')),
    ]);
    const out = compact(tree) as { props: { children: { key: string | null }[] } };
    const [first, second, list] = out.props.children as unknown as [
      { key: string | null },
      { key: string | null },
      { key: string | null }[],
    ];
    expect(first.key).toBeNull();
    expect(second.key).toBeNull();
    expect(list.map((x) => x.key)).toEqual(['k1', 'k2']);
    expect(renderToStaticMarkup(compact(tree))).toBe(renderToStaticMarkup(tree));
  });

  it('calls a server component under a link once, when the link must stay React’s', () => {
    let calls = 0;
    const Count = () => {
      calls++;
      return h('span', null, '计数');
    };
    const tree = h(Link, { href: '/people' }, h(Count), h(Island, { id: '一' }));
    const out = compact(tree) as { type: unknown; props: { children: unknown[] } };
    expect(calls).toBe(1);
    expect(out.type).toBe(Link);
    expect((out.props.children[0] as { type: unknown }).type).toBe('span');
  });
});
