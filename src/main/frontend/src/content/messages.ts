import { addScreenMessages } from '../i18n';
import vi from './vi.json';
import en from './en.json';

// The shared parts of the media library, campaign editor and approvals queue speak from here (t('content.…')).
addScreenMessages('content', { vi, en });
