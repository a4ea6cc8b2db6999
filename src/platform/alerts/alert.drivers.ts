import type { Config } from '../config';

/** One alert as a driver sends it: to a phone (may be empty for a group robot), a short text, a link to open. */
export type OutgoingAlert = { id: string; phone: string; label: string; text: string; link: string | null };

/** A way out of the browser. `send` resolves when the provider accepted the message and throws otherwise. */
export type AlertDriver = { name: string; send: (alert: OutgoingAlert) => Promise<void> };

/** What the recording driver has "sent" in this process (tests read it; the database keeps every attempt anyway). */
export const recordedAlerts: OutgoingAlert[] = [];

const recording: AlertDriver = { name: 'recording', send: async (a) => { recordedAlerts.push(a); } };

type Log = { info: (o: object, m?: string) => void };

async function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<unknown> {
  const res = await fetch(url, {
    method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body), signal: AbortSignal.timeout(10_000),
  });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return res.json().catch(() => ({}));
}

/** 企业微信 and 钉钉 robots answer 200 with an error code in the body: 0 is success. */
function robotOk(reply: unknown): void {
  const r = (reply ?? {}) as { errcode?: number; errmsg?: string };
  if (r.errcode !== undefined && r.errcode !== 0) throw new Error(`robot error ${r.errcode}: ${r.errmsg ?? ''}`);
}

/** The driver the configuration names (README "Alerts"). A driver missing its URL fails every attempt, visibly. */
export function alertDriverOf(config: Pick<Config, 'alertDriver' | 'alertWebhookUrl' | 'alertSmsUrl' | 'alertSmsToken'>, log?: Log): AlertDriver {
  const need = (url: string, name: string) => { if (!url) throw new Error(`${name} is not configured`); return url; };
  switch (config.alertDriver) {
    case 'recording': return recording;
    case 'log': return { name: 'log', send: async (a) => { log?.info({ alert: a.id, phone: a.phone, text: a.text }, 'alert'); } };
    case 'sms': return {
      name: 'sms',
      send: async (a) => {
        if (!a.phone) throw new Error('no phone number');
        await postJson(need(config.alertSmsUrl, 'ALERT_SMS_URL'), { phone: a.phone, text: a.text }, config.alertSmsToken ? { authorization: `Bearer ${config.alertSmsToken}` } : {});
      },
    };
    case 'wecom': return {
      name: 'wecom',
      send: async (a) => robotOk(await postJson(need(config.alertWebhookUrl, 'ALERT_WEBHOOK_URL'), {
        msgtype: 'text', text: { content: a.text, mentioned_mobile_list: a.phone ? [a.phone] : [] },
      })),
    };
    case 'dingtalk': return {
      name: 'dingtalk',
      send: async (a) => robotOk(await postJson(need(config.alertWebhookUrl, 'ALERT_WEBHOOK_URL'), {
        msgtype: 'text', text: { content: a.text }, at: { atMobiles: a.phone ? [a.phone] : [] },
      })),
    };
  }
}
