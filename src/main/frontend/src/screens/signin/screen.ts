import { defineScreen } from '../screen';
import vi from './vi.json';
import en from './en.json';

export default defineScreen({
  id: 'signin',
  path: '/signin',
  roles: [],
  public: true,
  component: () => import('./SignInScreen.vue'),
  messages: { vi, en },
});
