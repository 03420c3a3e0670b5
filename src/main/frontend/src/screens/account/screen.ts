import { UserRound } from 'lucide-vue-next';
import { defineScreen } from '../screen';
import vi from './vi.json';
import en from './en.json';

export default defineScreen({
  id: 'account',
  path: '/account',
  roles: [],
  component: () => import('./AccountScreen.vue'),
  nav: { order: 900, icon: UserRound },
  messages: { vi, en },
});
