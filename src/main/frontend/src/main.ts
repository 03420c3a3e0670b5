import { createApp } from 'vue';
import App from './App.vue';
import { i18n } from './i18n';
import { router } from './router';
import { onSessionLost } from './session/session';
import './styles/base.css';

onSessionLost(() => {
  if (router.currentRoute.value.name !== 'signin') {
    router.push({ name: 'signin', query: { next: router.currentRoute.value.fullPath, expired: '1' } });
  }
});

document.documentElement.lang = i18n.global.locale.value;
createApp(App).use(i18n).use(router).mount('#app');
