/**
 * Vite build of the dashboard: `vite build web` writes web/dist, which `attune serve` serves at /.
 * No inline scripts or styles end up in the output (the server's CSP forbids them), and no
 * module-preload polyfill is inlined. In development, /api is proxied to a running `attune serve`.
 *
 * @example
 * npx vite build web
 * npx vite web   # with `attune serve` on port 3000
 */
import { defineConfig } from "vite";

export default defineConfig({
  base: "/",
  esbuild: { jsx: "automatic" },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 900,
    rollupOptions: {
      output: {
        manualChunks: {
          echarts: ["echarts/core", "echarts/charts", "echarts/components", "echarts/renderers"],
          react: ["react", "react-dom", "react-dom/client"],
        },
      },
    },
  },
  server: { proxy: { "/api": "http://127.0.0.1:3000" } },
});
