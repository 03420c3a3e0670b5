import { i18n } from '../i18n';
import { formatDateTime } from '../format/time';

/** Codes the controller or the agent reports (heartbeat `faults`), worded in the person's language. */
const KNOWN = new Set(['offline', 'pending', 'disk_low', 'clock_off', 'records_waiting', 'clock_jump',
  'clock_corrected', 'clock_unconfirmed', 'clock_behind', 'media_missing', 'mpv_restarted', 'mpv_down',
  'unsigned_answer', 'faults_dropped', 'disk_full', 'spool_write_failed', 'record_torn', 'amp_failed',
  'insecure_transport']);

/** A fault in plain words; one we do not know yet still says which code the device sent. */
export function describeFault(code: string, lastSeenAt?: number | null): string {
  const t = i18n.global.t;
  if (code === 'offline') {
    return lastSeenAt ? t('fault.offline', { time: formatDateTime(lastSeenAt) }) : t('fault.offlineNever');
  }
  return KNOWN.has(code) ? t(`fault.${code}`) : t('fault.other', { code });
}
