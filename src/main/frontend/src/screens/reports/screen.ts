import { ChartColumn } from 'lucide-vue-next';
import { defineScreen } from '../screen';
import vi from './vi.json';
import en from './en.json';

export default defineScreen({
  id: 'reports',
  path: '/reports',
  roles: [],
  component: () => import('./ReportsScreen.vue'),
  nav: { order: 60, icon: ChartColumn },
  messages: { vi, en },
});
