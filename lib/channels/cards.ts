/**
 * Personal task cards (issue 18.5): one person's notification sent into the app they work in, by the company's own
 * app there, each card opening the exact page (inside the app's browser the login page signs them in silently,
 * lib/auth/company/flow.ts):
 *  - 企业微信 application message, textcard (`POST /cgi-bin/message/send`, the app's agentid);
 *  - 钉钉 工作通知, action_card (`POST /topapi/message/corpconversation/asyncsend_v2`);
 *  - 飞书 message, an interactive card (`POST /open-apis/im/v1/messages?receive_id_type=user_id`).
 * Each throws on a refusal, so the outbox's job retries it (lib/channels/deliver.ts).
 */
import { dingtalkConfig, feishuConfig, wecomConfig } from '../auth/company/config';
import { dingtalkAppToken } from '../auth/company/dingtalk';
import { feishuTenantToken } from '../auth/company/feishu';
import { callJson, CompanyError } from '../auth/company/http';
import { wecomApi } from '../auth/company/wecom';

export const CARD_CHANNELS = ['WECOM', 'DINGTALK', 'FEISHU'] as const;
export type CardChannel = (typeof CARD_CHANNELS)[number];
export const CARD_PROVIDER = { WECOM: 'wecom', DINGTALK: 'dingtalk', FEISHU: 'feishu' } as const;
export const isCardChannel = (c: string): c is CardChannel =>
  (CARD_CHANNELS as readonly string[]).includes(c);

export type Card = { title: string; text: string; link: string };

/** Whether this deployment connects the app behind a card channel (DingTalk also needs the AgentId). */
export function cardChannelOn(channel: CardChannel): boolean {
  if (channel === 'WECOM') return !!wecomConfig();
  if (channel === 'DINGTALK') return !!dingtalkConfig()?.agentId;
  return !!feishuConfig();
}

/** The card's address: the portal's public address and the page. */
export function cardUrl(link: string): string {
  const base = process.env.PUBLIC_URL?.replace(/\/+$/, '');
  if (!base) throw new Error("PUBLIC_URL is not set: a task card needs the portal's address");
  return `${base}${link.startsWith('/') ? link : `/${link}`}`;
}

/** Text people typed (a title, a place, a message) shown as itself in DingTalk's markdown: no links, no formatting. */
export const plainMarkdown = (text: string) => text.replace(/([\\`*_{}[\]()#+\-.!|>~<])/g, '\\$1');

const refused = (what: string, detail: unknown) =>
  new Error(`${what} refused the card: ${JSON.stringify(detail).slice(0, 300)}`);

export async function sendCard(channel: CardChannel, to: string, card: Card): Promise<void> {
  const url = cardUrl(card.link);
  try {
    if (channel === 'WECOM') {
      const cfg = wecomConfig();
      if (!cfg) throw new Error('企业微信 is not configured');
      const r = await wecomApi<{ errcode?: number; errmsg?: string; invaliduser?: string }>(
        cfg,
        '/cgi-bin/message/send',
        {},
        {
          touser: to,
          msgtype: 'textcard',
          agentid: Number(cfg.agentId),
          textcard: { title: card.title, description: card.text, url, btntxt: '详情' },
        },
      );
      if (r.errcode || r.invaliduser) throw refused('企业微信', r);
    } else if (channel === 'DINGTALK') {
      const cfg = dingtalkConfig();
      if (!cfg?.agentId) throw new Error('钉钉 (with DINGTALK_AGENT_ID) is not configured');
      const token = await dingtalkAppToken(cfg);
      const r = await callJson<{ errcode?: number; errmsg?: string }>(
        `${cfg.oapiBase}/topapi/message/corpconversation/asyncsend_v2?access_token=${encodeURIComponent(token)}`,
        {
          body: {
            agent_id: Number(cfg.agentId),
            userid_list: to,
            msg: {
              msgtype: 'action_card',
              action_card: {
                title: card.title,
                markdown: `#### ${card.title}\n\n${plainMarkdown(card.text)}`,
                single_title: '查看详情',
                single_url: url,
              },
            },
          },
        },
      );
      if (r.body.errcode) throw refused('钉钉', r.body);
    } else {
      const cfg = feishuConfig();
      if (!cfg) throw new Error('飞书 is not configured');
      const token = await feishuTenantToken(cfg);
      const content = {
        header: { title: { tag: 'plain_text', content: card.title }, template: 'red' },
        elements: [
          { tag: 'div', text: { tag: 'plain_text', content: card.text } },
          {
            tag: 'action',
            actions: [
              { tag: 'button', text: { tag: 'plain_text', content: '查看详情' }, type: 'primary', url },
            ],
          },
        ],
      };
      const r = await callJson<{ code?: number; msg?: string }>(
        `${cfg.base}/open-apis/im/v1/messages?receive_id_type=user_id`,
        {
          headers: { authorization: `Bearer ${token}` },
          body: { receive_id: to, msg_type: 'interactive', content: JSON.stringify(content) },
        },
      );
      if (r.body.code) throw refused('飞书', r.body);
    }
  } catch (e) {
    // A provider that cannot be reached is retried like any refusal.
    if (e instanceof CompanyError) throw new Error(`${channel}: ${e.reason} ${JSON.stringify(e.detail)}`);
    throw e;
  }
}
