import { ScrollText } from 'lucide-vue-next';
import { defineScreen } from '../screen';
import vi from './vi.json';
import en from './en.json';

export default defineScreen({
  id: 'audit',
  path: '/audit',
  roles: ['ADMIN'],
  component: () => import('./AuditScreen.vue'),
  nav: { order: 85, icon: ScrollText },
  messages: { vi, en },
});
