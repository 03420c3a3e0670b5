import { computed } from 'vue';
import { session } from '../../session/session';

/** ADMIN and OPERATOR act on endpoints in their area (the server decides; this only hides the buttons). */
export const mayManageEndpoints = computed(() => session.user?.role === 'ADMIN' || session.user?.role === 'OPERATOR');
