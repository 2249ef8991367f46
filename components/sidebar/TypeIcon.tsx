/**
 * A small line icon per engagement type, drawn inline (no icon font to load or to fail).
 * Decorative: the type's text label next to it is what assistive technology reads.
 */
const PATHS = {
  envelope: 'M2 4h12v8H2z M2 4l6 5 6-5',
  opened: 'M2 7l6-4 6 4v6H2z M2 7l6 4 6-4',
  click: 'M4 2l8 6-3.5 1 2 4-1.5.8-2-4L4 12z',
  reply: 'M6 4L2 8l4 4 M2 8h7a5 5 0 0 1 5 5',
  alert: 'M8 2l6.5 11h-13z M8 6.5v3 M8 11.5v.5',
  blocked: 'M8 2a6 6 0 1 0 0 12A6 6 0 1 0 8 2z M3.8 3.8l8.4 8.4',
  eye: 'M1.5 8S4 3.5 8 3.5 14.5 8 14.5 8 12 12.5 8 12.5 1.5 8 1.5 8z M8 6a2 2 0 1 0 0 4 2 2 0 1 0 0-4z',
  form: 'M3 2h10v12H3z M5.5 5h5 M5.5 8h5 M5.5 11h3',
  download: 'M8 2v8 M4.5 6.5L8 10l3.5-3.5 M2.5 13.5h11',
  play: 'M2 3h12v10H2z M6.5 5.5v5l4-2.5z',
  calendar: 'M2 4h12v10H2z M2 7h12 M5 2v3 M11 2v3',
  bubble: 'M2 3h12v8H7l-3 3v-3H2z',
  flag: 'M3 14V2 M3 2.5h9l-2 3 2 3H3',
  chart: 'M2 13l4-5 3 3 5-7 M2 2v12h12',
  star: 'M8 1.8l1.9 4 4.3.5-3.2 3 .9 4.3L8 11.4l-3.9 2.2.9-4.3-3.2-3 4.3-.5z',
  dot: 'M8 5a3 3 0 1 0 0 6A3 3 0 1 0 8 5z',
} as const;

type IconName = keyof typeof PATHS;

const ICON_OF_TYPE: Record<string, IconName> = {
  'email.sent': 'envelope',
  'email.delivered': 'envelope',
  'email.opened': 'opened',
  'email.clicked': 'click',
  'email.replied': 'reply',
  'email.bounced': 'alert',
  'email.unsubscribed': 'blocked',
  'web.page_viewed': 'eye',
  'form.submitted': 'form',
  'asset.viewed': 'eye',
  'asset.downloaded': 'download',
  'video.viewed': 'play',
  'event.registered': 'calendar',
  'event.attended': 'calendar',
  'event.no_show': 'calendar',
  'ad.clicked': 'click',
  'social.engaged': 'bubble',
  'campaign.joined': 'flag',
  'score.changed': 'chart',
  highlight: 'star',
};

/** The icon's name for `type`; unknown and custom types get a plain dot. */
function iconOf(type: string): IconName {
  return ICON_OF_TYPE[type] ?? 'dot';
}

export function TypeIcon({ type }: { type: string }) {
  const name = iconOf(type);
  return (
    <svg
      className="type-icon"
      data-icon={name}
      viewBox="0 0 16 16"
      width="16"
      height="16"
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.4"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
