// Copies the static files (HTML, CSS) next to the compiled scripts in web/dist.
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
mkdirSync(join(here, 'dist'), { recursive: true });
for (const name of readdirSync(join(here, 'static'))) {
  copyFileSync(join(here, 'static', name), join(here, 'dist', name));
}
