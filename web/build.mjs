// Bundles src/ with esbuild and copies the offline base map, writing everything into
// ../src/eventwire/web/static/ where the Python side serves it from.
import { build, context } from "esbuild";
import { copyFileSync, mkdirSync, rmSync, writeFileSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = resolve(here, "../src/eventwire/web/static");
const require = createRequire(import.meta.url);
const watch = process.argv.includes("--watch");

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const options = {
  entryPoints: { app: join(here, "src/main.js") },
  bundle: true,
  minify: !watch,
  sourcemap: true,
  target: ["es2020"],
  format: "iife",
  outdir: out,
  loader: { ".png": "file", ".svg": "file" },
  assetNames: "assets/[name]-[hash]",
  logLevel: "info",
};

// 50m borders: detailed enough to read a governorate-level precision ring against, small enough
// (~750 kB) to load on every visit from the local server.
copyFileSync(require.resolve("world-atlas/countries-50m.json"), join(out, "countries-50m.json"));
copyFileSync(join(here, "src/favicon.svg"), join(out, "favicon.svg"));
// The API's /docs (Swagger UI) and /redoc pages load these from the package, so they work offline.
mkdirSync(join(out, "docs"), { recursive: true });
for (const file of ["swagger-ui-dist/swagger-ui-bundle.js", "swagger-ui-dist/swagger-ui.css", "redoc/bundles/redoc.standalone.js"]) {
  copyFileSync(require.resolve(file), join(out, "docs", file.split("/").pop()));
}
const version = JSON.parse(readFileSync(join(here, "package.json"), "utf8")).version;
writeFileSync(join(out, "index.html"), readFileSync(join(here, "index.html"), "utf8").replaceAll("__VERSION__", version));

if (watch) {
  const ctx = await context(options);
  await ctx.watch();
} else {
  await build(options);
}
