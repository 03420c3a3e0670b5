/**
 * A relay slot's description: each start time of the cron's words becomes its window, "06:00 hằng ngày" with 30
 * minutes → "06:00–06:30 hằng ngày" (the window may run past midnight: 23:30–00:30).
 */
export function relayWindows(described: string, windowMinutes: number | null): string {
  if (!windowMinutes || windowMinutes <= 0) return described;
  return described.replace(/\b(\d{2}):(\d{2})\b/g, (_, h: string, m: string) => {
    const end = (Number(h) * 60 + Number(m) + windowMinutes) % 1440;
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${h}:${m}–${pad(Math.floor(end / 60))}:${pad(end % 60)}`;
  });
}
