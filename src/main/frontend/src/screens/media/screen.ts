import { Clapperboard } from 'lucide-vue-next';
import { defineScreen } from '../screen';
import vi from './vi.json';
import en from './en.json';

export default defineScreen({
  id: 'media',
  path: '/media',
  roles: ['ADMIN', 'EDITOR', 'OPERATOR', 'APPROVER'],
  component: () => import('./MediaScreen.vue'),
  nav: { order: 20, icon: Clapperboard },
  messages: { vi, en },
});
