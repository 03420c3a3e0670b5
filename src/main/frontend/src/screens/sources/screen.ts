import { Radio } from 'lucide-vue-next';
import { defineScreen } from '../screen';
import vi from './vi.json';
import en from './en.json';

export default defineScreen({
  id: 'sources',
  path: '/sources',
  roles: ['ADMIN', 'EDITOR', 'OPERATOR', 'APPROVER'],
  component: () => import('./SourcesScreen.vue'),
  nav: { order: 32, icon: Radio },
  messages: { vi, en },
});
