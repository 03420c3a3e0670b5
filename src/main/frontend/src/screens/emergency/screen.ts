import { Siren } from 'lucide-vue-next';
import { defineScreen } from '../screen';
import vi from './vi.json';
import en from './en.json';

export default defineScreen({
  id: 'emergency',
  path: '/emergency',
  roles: ['ADMIN', 'APPROVER', 'OPERATOR'],
  component: () => import('./EmergencyScreen.vue'),
  nav: { order: 15, icon: Siren, emphasis: true },
  messages: { vi, en },
});
