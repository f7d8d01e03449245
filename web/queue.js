// Placeholder of a page being written: its heading only.
import { t } from './i18n.js';
import { esc } from './core.js';

export async function render(main, ctx) {
  ctx.setTitle(t('nav_dossiers'));
  main.innerHTML = `<h1 tabindex="-1">${esc(t('nav_dossiers'))}</h1>`;
}
