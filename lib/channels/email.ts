import nodemailer, { type Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';

/**
 * E-mail delivery, the pure transport layer: no database, no recipients lookup. Enabled only when
 * SMTP_URL is set (smtp://user:pass@host:587, smtps://user:pass@host:465). Options that have no place
 * in the URL go in its query string, which nodemailer parses itself (shared.parseConnectionUrl):
 * e.g. smtp://127.0.0.1:2525?ignoreTLS=true for a local relay, or ?tls.rejectUnauthorized=false.
 */
export type MailMessage = { to: string; subject: string; text: string };

const DEFAULT_FROM = '五标 <no-reply@localhost>';

export function smtpConfigured(env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  return Boolean(env.SMTP_URL?.trim());
}

// One transport per URL: the options are parsed once, and tests can point at their own server.
const transports = new Map<string, Transporter<SMTPTransport.SentMessageInfo>>();

function transportFor(url: string): Transporter<SMTPTransport.SentMessageInfo> {
  let t = transports.get(url);
  if (!t) {
    t = nodemailer.createTransport(url);
    transports.set(url, t);
  }
  return t;
}

/**
 * Sends one plain-text message. Throws on any failure (connection, rejected recipient, …) so that
 * the job queue retries; the error message never contains the URL, which may hold the password.
 */
export async function sendMail(
  msg: MailMessage,
  opts: { url?: string; from?: string } = {},
): Promise<{ messageId: string }> {
  const url = opts.url ?? process.env.SMTP_URL?.trim();
  if (!url) throw new Error('SMTP is not configured (SMTP_URL)');
  const from = opts.from ?? (process.env.MAIL_FROM?.trim() || DEFAULT_FROM);
  const info = await transportFor(url).sendMail({ from, to: msg.to, subject: msg.subject, text: msg.text });
  // nodemailer rejects when every recipient is refused but resolves when only some are (a `to` list);
  // a partial delivery is still a failure here, so the retry is not silently skipped.
  const rejected = (info.rejected ?? []).map((a) => (typeof a === 'string' ? a : a.address));
  if (rejected.length) throw new Error(`mail rejected for ${rejected.join(', ')}`);
  return { messageId: info.messageId };
}
