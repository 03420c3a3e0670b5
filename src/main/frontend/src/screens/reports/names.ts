import { i18n } from '../../i18n';
import type { Report, ReportLine, Table } from './report';

// The report API names a few rows itself, in Vietnamese; these are shown in the person's language instead.
const NO_TOPIC = 'Chưa phân loại chủ đề';
const NO_AREA = 'Chưa gán khu vực';

/** A row's name as the person reads it. */
export function lineName(line: ReportLine, table: Table, report: Report): string {
  const t = i18n.global.t;
  switch (table) {
    case 'campaign':
      return line.id ? line.name : t('reports.outsideCampaigns');
    case 'area':
      return line.id === report.scope.areaId ? t('reports.direct', { name: report.scope.areaName ?? '' }) : line.name;
    case 'topic':
      return line.key === NO_TOPIC ? t('reports.noTopic') : line.name;
    case 'kind':
      return t(`kind.${line.key}`);
    default:
      return line.name;
  }
}

/** The second column: a campaign's topic, an endpoint's area. */
export function lineDetail(line: ReportLine): string {
  const t = i18n.global.t;
  if (line.detail === NO_TOPIC) return t('reports.noTopic');
  if (line.detail === NO_AREA) return t('reports.noArea');
  return line.detail ?? '';
}

export function topicName(topic: string): string {
  return topic === NO_TOPIC ? i18n.global.t('reports.noTopic') : topic;
}
