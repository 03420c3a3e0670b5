import { LayoutDashboard } from 'lucide-vue-next';
import { defineScreen } from '../screen';
import vi from './vi.json';
import en from './en.json';

export default defineScreen({
  id: 'dashboard',
  path: '/',
  roles: [],
  component: () => import('./DashboardScreen.vue'),
  nav: { order: 10, icon: LayoutDashboard },
  messages: { vi, en },
});
