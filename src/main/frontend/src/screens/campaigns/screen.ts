import { CalendarRange } from 'lucide-vue-next';
import { defineScreen } from '../screen';
import vi from './vi.json';
import en from './en.json';

export default defineScreen({
  id: 'campaigns',
  path: '/campaigns',
  roles: ['ADMIN', 'EDITOR', 'OPERATOR', 'APPROVER'],
  component: () => import('./CampaignsScreen.vue'),
  nav: { order: 30, icon: CalendarRange },
  messages: { vi, en },
});
