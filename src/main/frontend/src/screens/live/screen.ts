import { Mic } from 'lucide-vue-next';
import { defineScreen } from '../screen';
import vi from './vi.json';
import en from './en.json';

export default defineScreen({
  id: 'live',
  path: '/live',
  roles: ['ADMIN', 'APPROVER', 'OPERATOR'],
  component: () => import('./LiveScreen.vue'),
  nav: { order: 16, icon: Mic },
  messages: { vi, en },
});
