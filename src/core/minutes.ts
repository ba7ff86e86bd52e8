// The minutes digest of one meeting, ready to send: facts, decisions, actions by owner, open
// problems, resource requests and the follow-up of the previous meeting's actions, in the
// meeting's language. Rendered as Markdown or as a self-contained HTML page (no scripts, a strict
// Content-Security-Policy, every piece of workspace text escaped).
import { actionLabel } from './action-label';
import { isoWeekday } from './calendar';
import type { ResolvedConfig } from './config';
import { message, type MessageArgs, type MessageId } from './messages';
import { fullText, ownersOf, sectionItems, type SectionItem } from './method';
import type { ActionStatus, Locale, Meeting, Priority } from './model';
import { fileName, followUp, type FollowUpStatus, type SeriesEntry } from './series';

export interface MinutesItem {
  text: string;
  /** Nested items, as text. */
  details: string[];
}

export interface MinutesAction {
  text: string;
  owners: string[];
  due: string | null;
  status: ActionStatus;
  priority: Priority | null;
  /** 1-based line in the meeting file. */
  line: number;
}

export interface MinutesFollowUp {
  text: string;
  owners: string[];
  due: string | null;
  status: FollowUpStatus;
  /** 1-based line in the previous meeting's file. */
  line: number;
}

export interface MinutesDigest {
  locale: Locale;
  /** File name of the meeting. */
  file: string;
  title: string;
  date: string | null;
  time: string | null;
  duration: number | null;
  series: string | null;
  facilitator: string | null;
  notetaker: string | null;
  attendees: string[];
  decisions: Array<MinutesItem & { owners: string[] }>;
  /** Actions by owner, owners in alphabetical order, unassigned (owner null) last. */
  actionsByOwner: Array<{ owner: string | null; actions: MinutesAction[] }>;
  problems: MinutesItem[];
  resources: MinutesItem[];
  /** Null when no previous meeting of the series is known. */
  followUp: { previous: { title: string; date: string | null; file: string }; items: MinutesFollowUp[] } | null;
}

export interface MinutesOptions {
  /** Path or URI of the meeting file. */
  key: string;
  config: ResolvedConfig;
  previous?: SeriesEntry | null;
  /** Defaults to the meeting's language. */
  locale?: Locale | null;
}

/** Chinese when the body has a fair share of Han characters, else English. */
export function meetingLanguage(meeting: Meeting): Locale {
  const body = `${meeting.fields.title ?? ''}\n${meeting.text.slice(meeting.frontmatter?.span.end ?? 0)}`;
  let han = 0;
  let latin = 0;
  for (let i = 0; i < body.length; i++) {
    const code = body.charCodeAt(i);
    if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf)) han++;
    else if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) latin++;
  }
  // A Han character carries about as much as a short English word.
  return han > 0 && han * 4 >= latin ? 'zh-CN' : 'en';
}

function isClosed(status: ActionStatus): boolean {
  return status === 'done' || status === 'cancelled';
}

function itemOf(item: SectionItem): MinutesItem {
  return { text: item.text, details: item.children.map(fullText).filter(Boolean) };
}

export function buildMinutes(meeting: Meeting, options: MinutesOptions): MinutesDigest {
  const locale = options.locale ?? meetingLanguage(meeting);
  const { fields } = meeting;
  const file = fileName(options.key);
  const rawTime = meeting.frontmatter?.data?.time ?? meeting.frontmatter?.data?.['时间'];

  const groups = new Map<string | null, MinutesAction[]>();
  for (const action of meeting.actions) {
    const entry: MinutesAction = {
      text: actionLabel(action, meeting.text),
      owners: action.owners.map((owner) => owner.name),
      due: action.due?.date ?? null,
      status: action.status,
      priority: action.priority,
      line: action.line + 1,
    };
    const owners = entry.owners.length > 0 ? entry.owners : [null];
    for (const owner of owners) {
      let list = groups.get(owner);
      if (!list) groups.set(owner, (list = []));
      list.push(entry);
    }
  }
  const collator = new Intl.Collator(locale === 'zh-CN' ? 'zh-CN' : 'en');
  const actionsByOwner = [...groups.entries()]
    .sort(([a], [b]) => (a === null ? 1 : 0) - (b === null ? 1 : 0) || collator.compare(a ?? '', b ?? ''))
    .map(([owner, actions]) => ({
      owner,
      actions: [...actions].sort(
        (a, b) => Number(isClosed(a.status)) - Number(isClosed(b.status)) || (a.due ?? '9999').localeCompare(b.due ?? '9999') || a.line - b.line,
      ),
    }));

  const previous = options.previous ?? null;
  return {
    locale,
    file,
    title: fields.title ?? file,
    date: fields.date,
    time: typeof rawTime === 'string' ? rawTime.trim() : null,
    duration: fields.duration,
    series: fields.series,
    facilitator: fields.facilitator,
    notetaker: fields.notetaker,
    attendees: [...fields.attendees],
    decisions: sectionItems(meeting, 'decisions')
      .filter((item) => item.text !== '')
      .map((item) => ({ ...itemOf(item), owners: ownersOf(item, meeting, options.config).map((owner) => owner.name) })),
    actionsByOwner,
    problems: sectionItems(meeting, 'problems')
      .filter((item) => item.text !== '' && !(item.task && isClosed(item.task)))
      .map(itemOf),
    resources: sectionItems(meeting, 'resources')
      .filter((item) => item.text !== '' && item.task !== 'cancelled')
      .map(itemOf),
    followUp: previous
      ? {
          previous: { title: previous.meeting.fields.title ?? fileName(previous.key), date: previous.meeting.fields.date, file: fileName(previous.key) },
          items: followUp(previous.meeting, meeting).map((item) => ({
            text: item.action.label,
            owners: item.action.owners,
            due: item.action.due,
            status: item.status,
            line: item.action.line + 1,
          })),
        }
      : null,
  };
}

// ---------------------------------------------------------------------------------------------
// Shared wording

function wording(digest: MinutesDigest) {
  const t = (id: MessageId, args?: MessageArgs) => message(digest.locale, id, args);
  const zh = digest.locale === 'zh-CN';
  const weekday = (iso: string) => t(`weekday.${isoWeekday(iso)}` as MessageId);
  return {
    t,
    zh,
    colon: zh ? '：' : ': ',
    names: (names: readonly string[]) => names.join(zh ? '、' : ', '),
    date: (iso: string) => (zh ? `${iso}（${weekday(iso)}）` : `${iso} (${weekday(iso)})`),
    due: (iso: string | null) => (iso ? t('report.due', { date: iso, weekday: weekday(iso) }) : t('report.no-due')),
    status: (status: ActionStatus) => t(`status.${status}` as MessageId),
    meeting: (title: string, date: string | null) => (date ? (zh ? `${title}（${date}）` : `${title} (${date})`) : title),
    paren: (text: string) => (zh ? `（${text}）` : ` (${text})`),
  };
}

const FOLLOW_UP_MARK: Record<FollowUpStatus, string> = { closed: '✓', carried: '→', dropped: '✗' };
const PRIORITY_MARK: Record<Priority, string> = { highest: '🔺', high: '⏫', medium: '🔼', low: '🔽', lowest: '⏬' };

function facts(digest: MinutesDigest): Array<[string, string]> {
  const w = wording(digest);
  const rows: Array<[string, string]> = [];
  if (digest.date) rows.push([w.t('report.date'), w.date(digest.date)]);
  if (digest.time || digest.duration) {
    const minutes = digest.duration ? w.t('report.minutes', { count: digest.duration }) : '';
    const value = digest.time && minutes ? (w.zh ? `${digest.time}（${minutes}）` : `${digest.time} (${minutes})`) : digest.time || minutes;
    rows.push([digest.time ? w.t('report.time') : w.t('report.duration'), value]);
  }
  if (digest.series) rows.push([w.t('report.series'), digest.series]);
  if (digest.facilitator) rows.push([w.t('report.facilitator'), digest.facilitator]);
  if (digest.notetaker) rows.push([w.t('report.notetaker'), digest.notetaker]);
  rows.push([w.t('report.attendees'), digest.attendees.length > 0 ? w.names(digest.attendees) : '–']);
  return rows;
}

function actionLine(action: MinutesAction, digest: MinutesDigest): { text: string; meta: string } {
  const w = wording(digest);
  const parts = [w.due(action.due), w.status(action.status)];
  if (action.priority) parts.push(PRIORITY_MARK[action.priority]);
  return { text: action.text, meta: parts.join(' · ') };
}

// ---------------------------------------------------------------------------------------------
// Markdown

/** Text on one line, so that it stays inside its list item. */
function oneLine(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

export function renderMinutesMarkdown(digest: MinutesDigest): string {
  const w = wording(digest);
  const out: string[] = [`# ${oneLine(w.t('report.title', { title: digest.title }))}`, ''];
  for (const [label, value] of facts(digest)) out.push(`- **${label}**${w.colon}${oneLine(value)}`);
  const section = (title: string) => out.push('', `## ${title}`, '');
  const none = () => out.push(w.t('report.none'));
  const items = (list: readonly MinutesItem[]) => {
    for (const item of list) {
      out.push(`- ${oneLine(item.text)}`);
      for (const detail of item.details) out.push(`  - ${oneLine(detail)}`);
    }
  };

  section(w.t('report.decisions'));
  if (digest.decisions.length === 0) none();
  else items(digest.decisions);

  section(w.t('report.actions'));
  if (digest.actionsByOwner.length === 0) none();
  for (const group of digest.actionsByOwner) {
    out.push(`### ${oneLine(group.owner ?? w.t('report.unassigned'))}`, '');
    for (const action of group.actions) {
      const { text, meta } = actionLine(action, digest);
      const shown = action.status === 'cancelled' ? `~~${oneLine(text)}~~` : oneLine(text);
      out.push(`- ${shown} — ${meta}`);
    }
    out.push('');
  }
  if (digest.actionsByOwner.length > 0) out.pop();

  section(w.t('report.problems'));
  if (digest.problems.length === 0) none();
  else items(digest.problems);

  section(w.t('report.resources'));
  if (digest.resources.length === 0) none();
  else items(digest.resources);

  section(w.t('report.followup'));
  if (!digest.followUp) out.push(w.t('report.followup-none'));
  else {
    const previous = w.meeting(digest.followUp.previous.title, digest.followUp.previous.date);
    if (digest.followUp.items.length === 0) out.push(w.t('report.followup-empty', { meeting: previous }));
    else {
      out.push(w.t('report.followup-of', { meeting: previous }), '');
      for (const item of digest.followUp.items) {
        const owners = item.owners.length > 0 ? w.paren(w.names(item.owners)) : '';
        out.push(`- ${FOLLOW_UP_MARK[item.status]} ${oneLine(item.text)}${owners} — ${w.t(`report.followup.${item.status}`)}`);
      }
    }
  }
  out.push('', '---', '', w.t('report.generated', { file: digest.file }));
  return out.join('\n') + '\n';
}

// ---------------------------------------------------------------------------------------------
// HTML

const CSS = `
:root { color-scheme: light dark; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --accent: #0969da; --bad: #cf222e; --ok: #1a7f37; --bg: #ffffff; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --muted: #9198a1; --line: #3d444d; --accent: #4493f8; --bad: #f85149; --ok: #3fb950; --bg: #0d1117; } }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 15px/1.6 system-ui, -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; }
main { max-width: 46rem; margin: 0 auto; padding: 2rem 1.25rem 3rem; }
h1 { font-size: 1.6rem; margin: 0 0 1rem; }
h2 { font-size: 1.15rem; margin: 2rem 0 .5rem; padding-bottom: .25rem; border-bottom: 1px solid var(--line); }
h3 { font-size: 1rem; margin: 1rem 0 .25rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: 0; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
ul { margin: .25rem 0; padding-left: 1.4rem; }
li { margin: .15rem 0; }
.meta { color: var(--muted); font-size: .9em; }
.status-cancelled .text { text-decoration: line-through; }
.status-done .text, .status-cancelled .text { color: var(--muted); }
.overdue, .followup-dropped .mark { color: var(--bad); }
.followup-closed .mark { color: var(--ok); }
.followup-carried .mark { color: var(--accent); }
.none { color: var(--muted); }
footer { margin-top: 2.5rem; color: var(--muted); font-size: .85em; border-top: 1px solid var(--line); padding-top: .5rem; }
@media print { body { font-size: 11pt; } main { padding: 0; } }
`;


const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/gu, (char) => HTML_ESCAPES[char]!);
}

export function renderMinutesHtml(digest: MinutesDigest): string {
  const w = wording(digest);
  const e = escapeHtml;
  const title = w.t('report.title', { title: digest.title });
  const out: string[] = [
    '<!DOCTYPE html>',
    `<html lang="${digest.locale === 'zh-CN' ? 'zh-CN' : 'en'}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${e(MINUTES_CSP)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="Meetings as Code">',
    `<title>${e(title)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    '<main>',
    '<header>',
    `<h1>${e(title)}</h1>`,
    '<dl class="facts">',
    ...facts(digest).map(([label, value]) => `<dt>${e(label)}</dt><dd>${e(value)}</dd>`),
    '</dl>',
    '</header>',
  ];
  const none = () => `<p class="none">${e(w.t('report.none'))}</p>`;
  const items = (list: readonly MinutesItem[]) =>
    list.length === 0
      ? none()
      : `<ul>${list
          .map((item) => `<li>${e(item.text)}${item.details.length > 0 ? `<ul>${item.details.map((detail) => `<li>${e(detail)}</li>`).join('')}</ul>` : ''}</li>`)
          .join('')}</ul>`;

  out.push('<section id="decisions">', `<h2>${e(w.t('report.decisions'))}</h2>`, items(digest.decisions), '</section>');

  out.push('<section id="actions">', `<h2>${e(w.t('report.actions'))}</h2>`);
  if (digest.actionsByOwner.length === 0) out.push(none());
  for (const group of digest.actionsByOwner) {
    out.push(`<h3 class="owner">${e(group.owner ?? w.t('report.unassigned'))}</h3>`, '<ul>');
    for (const action of group.actions) {
      const { text, meta } = actionLine(action, digest);
      out.push(`<li class="action status-${action.status}"><span class="text">${e(text)}</span> <span class="meta">${e(meta)}</span></li>`);
    }
    out.push('</ul>');
  }
  out.push('</section>');

  out.push('<section id="problems">', `<h2>${e(w.t('report.problems'))}</h2>`, items(digest.problems), '</section>');
  out.push('<section id="resources">', `<h2>${e(w.t('report.resources'))}</h2>`, items(digest.resources), '</section>');

  out.push('<section id="followup">', `<h2>${e(w.t('report.followup'))}</h2>`);
  if (!digest.followUp) out.push(`<p class="none">${e(w.t('report.followup-none'))}</p>`);
  else {
    const previous = w.meeting(digest.followUp.previous.title, digest.followUp.previous.date);
    if (digest.followUp.items.length === 0) out.push(`<p class="none">${e(w.t('report.followup-empty', { meeting: previous }))}</p>`);
    else {
      out.push(`<p>${e(w.t('report.followup-of', { meeting: previous }))}</p>`, '<ul>');
      for (const item of digest.followUp.items) {
        const owners = item.owners.length > 0 ? w.paren(w.names(item.owners)) : '';
        out.push(
          `<li class="followup-${item.status}"><span class="mark">${FOLLOW_UP_MARK[item.status]}</span> <span class="text">${e(item.text)}${e(owners)}</span> <span class="meta">${e(w.t(`report.followup.${item.status}`))}</span></li>`,
        );
      }
      out.push('</ul>');
    }
  }
  out.push('</section>');
  out.push(`<footer>${e(w.t('report.generated', { file: digest.file }))}</footer>`, '</main>', '</body>', '</html>');
  return out.join('\n') + '\n';
}

// ---------------------------------------------------------------------------------------------
// SHA-256 (FIPS 180-4), for the stylesheet's CSP hash; the engine imports nothing from Node.js.

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
  0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

export function sha256(bytes: Uint8Array): Uint8Array {
  const length = bytes.length;
  const padded = new Uint8Array(Math.ceil((length + 9) / 64) * 64);
  padded.set(bytes);
  padded[length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, Math.floor((length * 8) / 2 ** 32));
  view.setUint32(padded.length - 4, (length * 8) >>> 0);
  const h = new Uint32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
  const w = new Uint32Array(64);
  const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));
  for (let block = 0; block < padded.length; block += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(block + i * 4);
    for (let i = 16; i < 64; i++) {
      const s0 = rotr(w[i - 15]!, 7) ^ rotr(w[i - 15]!, 18) ^ (w[i - 15]! >>> 3);
      const s1 = rotr(w[i - 2]!, 17) ^ rotr(w[i - 2]!, 19) ^ (w[i - 2]! >>> 10);
      w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) >>> 0;
    }
    let [a, b, c, d, e, f, g, hh] = [h[0]!, h[1]!, h[2]!, h[3]!, h[4]!, h[5]!, h[6]!, h[7]!];
    for (let i = 0; i < 64; i++) {
      const t1 = (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[i]! + w[i]!) >>> 0;
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) >>> 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) >>> 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) >>> 0;
    }
    h[0] = (h[0]! + a) >>> 0;
    h[1] = (h[1]! + b) >>> 0;
    h[2] = (h[2]! + c) >>> 0;
    h[3] = (h[3]! + d) >>> 0;
    h[4] = (h[4]! + e) >>> 0;
    h[5] = (h[5]! + f) >>> 0;
    h[6] = (h[6]! + g) >>> 0;
    h[7] = (h[7]! + hh) >>> 0;
  }
  const out = new Uint8Array(32);
  const outView = new DataView(out.buffer);
  for (let i = 0; i < 8; i++) outView.setUint32(i * 4, h[i]!);
  return out;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function base64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += BASE64[(n >> 18) & 63]! + BASE64[(n >> 12) & 63]!;
    out += i + 1 < bytes.length ? BASE64[(n >> 6) & 63]! : '=';
    out += i + 2 < bytes.length ? BASE64[n & 63]! : '=';
  }
  return out;
}

function sha256Base64(text: string): string {
  return base64(sha256(new TextEncoder().encode(text)));
}

/** The stylesheet of the HTML minutes, for tests that check its CSP hash independently. */
export const MINUTES_CSS = CSS;

/** The Content-Security-Policy of the HTML minutes: nothing may load or run; only this stylesheet applies. */
export const MINUTES_CSP = `default-src 'none'; style-src 'sha256-${sha256Base64(CSS)}'; img-src data:; base-uri 'none'; form-action 'none'`;
