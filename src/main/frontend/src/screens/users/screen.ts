import { UsersRound } from 'lucide-vue-next';
import { defineScreen } from '../screen';
import vi from './vi.json';
import en from './en.json';

export default defineScreen({
  id: 'users',
  path: '/users',
  roles: ['ADMIN'],
  component: () => import('./UsersScreen.vue'),
  nav: { order: 80, icon: UsersRound },
  messages: { vi, en },
});
