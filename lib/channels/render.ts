// Text for channels outside the page (e-mail, group robots): rendered from the same message files,
// in Chinese, the language of the branches that receive them.
import { createTranslator } from 'use-intl/core';
import zh from '../i18n/messages/zh-CN.json';

const t = createTranslator({ locale: 'zh-CN', messages: zh });

export function renderNotice(key: string, params: Record<string, string | number>): string {
  const p = { ...params };
  if (typeof p.quality === 'string') p.quality = t(`quality.${p.quality}` as never) as string;
  return t(key as never, p as never) as string;
}
