import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The public commitment page behind the poster's QR code (/p/commitment/<token>) is its own small page
 * (public-commitment.html → src/public/commitment.ts), not the app: the server answers that path with it, and so does
 * the dev server here.
 */
const publicCommitmentPage = (): Plugin => ({
  name: 'safeduty-public-commitment',
  configureServer(server) {
    server.middlewares.use((req, _res, next) => {
      if (req.url?.startsWith('/p/commitment/')) req.url = '/public-commitment.html';
      next();
    });
  },
});

/**
 * The web app lives in web/ and builds into web/dist, which the API server serves.
 * echarts gets its own chunk so that only the dashboard pays for it; the login route
 * loads the entry, the login page and the shared antd/react chunks only.
 */
export default defineConfig({
  root,
  base: '/',
  plugins: [react(), publicCommitmentPage()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    manifest: true,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      // Two pages: the app, and the public commitment page, which shares nothing with it.
      input: { main: `${root}index.html`, 'public-commitment': `${root}public-commitment.html` },
      output: {
        codeSplitting: {
          groups: [{ name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/ }],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: 'http://localhost:3000', changeOrigin: false },
    },
  },
});
