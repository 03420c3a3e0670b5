import { i18n } from '../i18n';

/**
 * Why a play was cut short or failed, in the person's language. The agent reports these reasons in English
 * (they are evidence, kept as sent); the ones we know are worded here, anything else is shown as it came.
 */
const seconds = (ms: string) => (Number(ms) / 1000).toLocaleString(i18n.global.locale.value === 'vi' ? 'vi-VN' : 'en-GB',
  { maximumFractionDigits: 1 });

const PATTERNS: [RegExp, (m: RegExpExecArray) => [string, Record<string, string>]][] = [
  [/^joined ([\d.]+) s into the item; heard (\d+) of (\d+) ms$/,
    (m) => ['joined', { at: seconds(String(Number(m[1]) * 1000)), heard: seconds(m[2]), total: seconds(m[3]) }]],
  [/^loop window ended after (\d+) of (\d+) ms$/, (m) => ['windowEnded', { heard: seconds(m[1]), total: seconds(m[2]) }]],
  [/^cut (?:when the next item was due|at the next item's time) after (\d+) of (\d+) ms$/,
    (m) => ['nextDue', { heard: seconds(m[1]), total: seconds(m[2]) }]],
  [/^ended after (\d+) of (\d+) ms$/, (m) => ['endedEarly', { heard: seconds(m[1]), total: seconds(m[2]) }]],
  [/^media not in the cache within (\d+) ms of its start$/, (m) => ['notCached', { wait: seconds(m[1]) }]],
  [/^reached (\d+) ms late$/, (m) => ['late', { late: seconds(m[1]) }]],
  [/^not played at its time: the agent was not running$/, () => ['agentDown', {}]],
  [/^controller time moved (forward|back) by (\d+) ms/, (m) => [m[1] === 'forward' ? 'clockForward' : 'clockBack',
    { by: seconds(m[2]) }]],
  [/^the stream never played: .*; the fallback filled the window$/, () => ['streamNever', {}]],
  [/^preempted by a new timeline$/, () => ['newPlan', {}]],
  [/^preempted by emergency alert$/, () => ['emergency', {}]],
  [/^agent stopped$/, () => ['agentStopped', {}]],
  [/^mpv could not load the file/, () => ['cannotLoad', {}]],
  [/^no end of file from mpv$/, () => ['noEnd', {}]],
  [/^mpv stopped answering/, () => ['playerHung', {}]],
  [/; mpv restarted$/, () => ['playerRestarted', {}]],
  [/^mpv/, () => ['playerError', {}]],
];

export function describePlayReason(reason: string): string {
  for (const [pattern, words] of PATTERNS) {
    const m = pattern.exec(reason);
    if (m) {
      const [key, values] = words(m);
      return i18n.global.t(`playReason.${key}`, values);
    }
  }
  return reason;
}
