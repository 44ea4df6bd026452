'use client';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { FormError } from '@/components/form-error';
import { RunButton } from '@/components/ui/item-row';
import { useAction } from '@/components/use-action';
import { setNotifyPrefsAction } from '@/lib/notifications/actions';
import type { NotificationKind } from '@/lib/channels/notify';
import type { PrefChannel } from '@/lib/channels/preferences';

type Channel = { channel: PrefChannel; reachable: boolean; kinds: string[] };

/** 接收方式: per channel (e-mail, 企业微信, 钉钉, 飞书), the kinds of notification also sent there. */
export function ChannelPrefs({ channels, kinds }: { channels: Channel[]; kinds: NotificationKind[] }) {
  const t = useTranslations('notifications');
  return (
    <div className="grid gap-4 md:grid-cols-2" data-testid="channel-prefs">
      {channels.map((c) => (
        <ChannelCard key={c.channel} channel={c} kinds={kinds} name={t(`channels.names.${c.channel}`)} />
      ))}
    </div>
  );
}

function ChannelCard({
  channel,
  kinds,
  name,
}: {
  channel: Channel;
  kinds: NotificationKind[];
  name: string;
}) {
  const t = useTranslations('notifications');
  const [on, setOn] = useState(() => new Set(channel.kinds as NotificationKind[]));
  const [saved, setSaved] = useState(false);
  const save = useAction(setNotifyPrefsAction, { refresh: true, onSuccess: () => setSaved(true) });
  return (
    <fieldset
      className="space-y-2 rounded-md border border-stone-200 p-3 text-sm"
      data-testid={`channel-${channel.channel}`}
    >
      <legend className="px-1 font-medium">{name}</legend>
      {!channel.reachable && (
        <p className="text-stone-600">
          {channel.channel === 'EMAIL' ? t('channels.noEmail') : t('channels.notLinked', { channel: name })}
        </p>
      )}
      <div className="grid grid-cols-2 gap-1">
        {kinds.map((k) => (
          <label key={k} className="flex min-h-9 items-center gap-2">
            <input
              type="checkbox"
              className="size-4 accent-red-700"
              checked={on.has(k)}
              onChange={(e) => {
                const next = new Set(on);
                if (e.target.checked) next.add(k);
                else next.delete(k);
                setOn(next);
                setSaved(false);
              }}
            />
            {t(`kinds.${k}`)}
          </label>
        ))}
      </div>
      <div className="flex items-center gap-3">
        <RunButton action={save} input={{ channel: channel.channel, kinds: [...on] }}>
          {t('channels.save')}
        </RunButton>
        {saved && (
          <span role="status" className="text-green-800">
            {t('channels.saved')}
          </span>
        )}
      </div>
      <FormError message={save.error} />
    </fieldset>
  );
}
