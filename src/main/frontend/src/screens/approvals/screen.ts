import { ClipboardCheck } from 'lucide-vue-next';
import { defineScreen } from '../screen';
import vi from './vi.json';
import en from './en.json';

export default defineScreen({
  id: 'approvals',
  path: '/approvals',
  roles: ['ADMIN', 'APPROVER'],
  component: () => import('./ApprovalsScreen.vue'),
  nav: { order: 40, icon: ClipboardCheck },
  messages: { vi, en },
});
