/** Light or dark, as the system says (prefers-color-scheme): the page's CSS follows it, the drawing is told. */
import type { GraphView } from './graphTypes.js';

export function followSystemTheme(view: GraphView): void {
  const dark = window.matchMedia('(prefers-color-scheme: dark)');
  const apply = () => {
    const theme = dark.matches ? 'dark' : 'light';
    document.documentElement.dataset.theme = theme;
    view.setTheme(theme);
  };
  apply();
  dark.addEventListener('change', apply);
}
