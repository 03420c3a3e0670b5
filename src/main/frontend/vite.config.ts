import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import { fileURLToPath } from 'node:url';

// Built into the controller's classpath (served by Vert.x from "webroot"); Maven runs this before it copies
// the other resources, so openapi.json lands beside the built files.
const outDir = process.env.BANTIN_WEB_OUT ?? fileURLToPath(new URL('../../../target/classes/webroot', import.meta.url));

export default defineConfig({
  plugins: [vue()],
  base: '/',
  define: {
    __VUE_OPTIONS_API__: 'false',
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    __INTLIFY_JIT_COMPILATION__: 'true',
    __INTLIFY_DROP_MESSAGE_COMPILER__: 'false',
  },
  build: {
    outDir,
    emptyOutDir: true,
    assetsDir: 'assets',
    target: 'es2020',
    sourcemap: false,
    chunkSizeWarningLimit: 400,
  },
  server: {
    proxy: { '/api': process.env.BANTIN_DEV_API ?? 'http://127.0.0.1:8080' },
  },
});
