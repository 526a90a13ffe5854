import { html } from './html';

/**
 * The tab's look, on Fluent 2's theme variables (setTheme fills them for the Teams theme in use), plus the
 * few colours the charts need in each theme. Focus rings stay visible for keyboard use.
 */
export const TAB_STYLES = `
  body { margin: 0; font-family: var(--fontFamilyBase, "Segoe UI", system-ui, sans-serif); font-size: var(--fontSizeBase300, 14px);
    color: var(--colorNeutralForeground1, #242424); background: var(--colorNeutralBackground2, #fafafa); }
  body { --chart-done: var(--colorPaletteGreenBackground3, #107c10); --chart-open: var(--colorBrandBackground, #5b5fc7);
    --chart-overdue: var(--colorPaletteRedBackground3, #c50f1f); --chart-soon: var(--colorPaletteMarigoldBackground3, #c19c00);
    --chart-muted: var(--colorNeutralStroke1, #8a8a8a); }
  body[data-theme="contrast"] { --chart-done: #3ff23f; --chart-open: #1aebff; --chart-overdue: #ff6e6e; --chart-soon: #ffff00; --chart-muted: #ffffff; }
  main { padding: 16px 24px; max-width: 1400px; }
  h1 { font-size: var(--fontSizeBase600, 24px); font-weight: 600; margin: 0 0 8px; }
  .banner { background: var(--colorPaletteYellowBackground1, #fffbe6); color: var(--colorNeutralForeground1, #242424); border: 1px solid var(--colorPaletteYellowBorder1, #e8c54b); padding: 6px 10px; border-radius: 4px; }
  .charts { display: flex; flex-wrap: wrap; gap: 16px; margin: 12px 0; }
  figure { margin: 0; flex: 1 1 420px; background: var(--colorNeutralBackground1, #fff); border: 1px solid var(--colorNeutralStroke2, #e0e0e0); border-radius: 8px; padding: 12px; }
  figcaption { font-weight: 600; margin-bottom: 6px; }
  .chart { width: 100%; height: auto; color: var(--colorNeutralForeground1, #242424); }
  .chart text { fill: currentColor; font-size: 12px; } .chart .figure { font-weight: 600; }
  .chart .baseline, .chart .track { stroke: var(--colorNeutralStroke1, #8a8a8a); stroke-width: 1; }
  .chart .today { stroke: var(--colorNeutralForeground1, #242424); stroke-dasharray: 4 3; }
  .controls { display: flex; flex-wrap: wrap; gap: 16px; margin: 12px 0; align-items: center; }
  .choices { display: flex; gap: 4px; align-items: center; flex-wrap: wrap; } .choices .label { margin-right: 4px; font-weight: 600; }
  table { width: 100%; border-collapse: collapse; background: var(--colorNeutralBackground1, #fff); }
  caption { text-align: left; padding: 6px 0; color: var(--colorNeutralForeground2, #424242); }
  th, td { text-align: left; vertical-align: top; padding: 8px; border-bottom: 1px solid var(--colorNeutralStroke2, #e0e0e0); }
  thead th { font-weight: 600; background: var(--colorNeutralBackground3, #f5f5f5); }
  .roles, .quiet, .due { color: var(--colorNeutralForeground2, #424242); font-size: 12px; }
  .workshop { display: grid; grid-template-columns: 9.5em 6em 2.5em auto; gap: 6px; align-items: center; margin-bottom: 4px; }
  .due.overdue { color: var(--colorPaletteRedForeground1, #bc2f32); font-weight: 600; }
  ul.overdue { margin: 0; padding-left: 1.1em; color: var(--colorPaletteRedForeground1, #bc2f32); }
  a { color: var(--colorBrandForegroundLink, #115ea3); } a:focus-visible, fluent-button:focus-visible { outline: 2px solid var(--colorStrokeFocus2, #000); outline-offset: 2px; }
  .error { color: var(--colorPaletteRedForeground1, #bc2f32); }
`;

/**
 * The tab's page: a shell the script fills once it has the person's portfolio. In Teams it signs in with
 * Teams SSO; in development (no bot credentials) it names the person the local server was asked to show.
 */
export function tabPage(mode: 'teams' | 'development', user = ''): string {
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>Portfolio</title>
        <link rel="stylesheet" href="/tabs/portfolio/portfolio.css" />
        <script type="module" src="/tabs/portfolio/portfolio.js"></script>
      </head>
      <body data-mode="${mode}" data-user="${user}">
        <main id="portfolio" aria-busy="true">
          <h1>Portfolio</h1>
          <p>Loading your engagements…</p>
        </main>
      </body>
    </html>`.markup;
}
