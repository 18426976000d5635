import { defineConfig } from "vite";
import { svelte } from "@sveltejs/vite-plugin-svelte";
import { resolve } from "node:path";

const VITEST = !!process.env.VITEST;

// One ES module exporting render(), CSS injected by the module (TensorBoard's CSP allows inline
// styles, not inline scripts), no code splitting. RLC_OUT_DIR lets the tests build elsewhere and
// compare with the committed bundle. The specs (vitest, *.spec.ts) run the state classes
// (*.svelte.ts) as the browser does: compiled for and run on Svelte's client runtime.
export default defineConfig({
  plugins: [svelte({ compilerOptions: { css: "injected" }, emitCss: false,
                     dynamicCompileOptions: () => (VITEST ? { generate: "client" } : undefined) })],
  resolve: VITEST ? { conditions: ["browser"] } : undefined,
  ssr: VITEST ? { resolve: { conditions: ["browser"] } } : undefined,
  test: { server: { deps: { inline: ["svelte"] } } },
  build: {
    lib: { entry: resolve(import.meta.dirname, "src/main.ts"), formats: ["es"], fileName: () => "index.js" },
    outDir: process.env.RLC_OUT_DIR ?? resolve(import.meta.dirname, "../rlclarity_plugin/static"),
    emptyOutDir: false,
    minify: true,
    sourcemap: false,
    copyPublicDir: false,
  },
});
