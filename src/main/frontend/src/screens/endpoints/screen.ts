import { RadioTower } from 'lucide-vue-next';
import { defineScreen } from '../screen';
import vi from './vi.json';
import en from './en.json';

export default defineScreen({
  id: 'endpoints',
  path: '/endpoints',
  roles: [],
  component: () => import('./EndpointsScreen.vue'),
  pages: [{ path: '/endpoints/:id(\\d+)', component: () => import('./EndpointScreen.vue') }],
  nav: { order: 20, icon: RadioTower },
  messages: { vi, en },
});
