/**
 * The site's one stylesheet (assets/site.css). Text contrast at least 4.5:1 (body text about 17:1), focus always
 * visible, chart series told apart by dash and marker as well as colour; nothing loaded from elsewhere.
 */
export const STYLESHEET = `:root { color-scheme: light; }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1b1b; background: #fff; margin: 0 auto; max-width: 76rem; padding: 0 1.5rem 3rem; }
a { color: #0b4f9c; }
a:focus, a:hover { outline: 2px solid #0b4f9c; outline-offset: 2px; }
.skip { position: absolute; left: -10000px; top: auto; }
.skip:focus { position: static; }
.banner { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: center; border-bottom: 2px solid #d0d7de; padding: 0.5rem 0; }
.banner .brand { font-weight: 700; margin: 0; }
.banner ul, .breadcrumb ol { list-style: none; display: flex; flex-wrap: wrap; gap: 1rem; margin: 0; padding: 0; }
.breadcrumb { margin: 0.5rem 0; font-size: 0.95rem; }
.breadcrumb li + li::before { content: "›"; margin-right: 0.5rem; color: #4a4a4a; }
h1, h2, h3 { line-height: 1.25; }
.lead { font-size: 1.1rem; }
.note { color: #3d3d3d; }
.notice { border-left: 4px solid #8a4b00; padding: 0.5rem 1rem; background: #fff8e6; }
table { border-collapse: collapse; margin: 0.5rem 0 1.5rem; width: 100%; }
caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
th, td { border: 1px solid #8a8a8a; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
thead th { background: #eef1f5; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 0.9em; background: #f3f3f3; padding: 0 0.2em; word-break: break-all; }
ul.evidence { margin: 0.25rem 0 0; padding-left: 1.2rem; }
.outcome-pass { color: #1a6a2c; } .outcome-fail { color: #a4161a; } .outcome-error, .outcome-inconclusive { color: #8a4b00; } .outcome-not-applicable { color: #4a4a4a; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; }
dt { font-weight: 600; }
dd { margin: 0; }
.chart { margin: 1rem 0 1.5rem; }
.chart svg { max-width: 100%; height: auto; }
.chart text { font-size: 12px; fill: #1b1b1b; }
.chart .grid { stroke: #c8c8c8; stroke-width: 1; }
.chart .axis { stroke: #4a4a4a; stroke-width: 1; }
.chart .bar { fill: #1f5f99; }
.chart figcaption { margin-top: 0.25rem; }
.chart .chart-title { font-weight: 600; display: block; }
.chart .chart-description { display: block; color: #3d3d3d; }
.legend { list-style: none; display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; margin: 0.25rem 0; padding: 0; }
.legend svg { vertical-align: middle; }
.line .stroke, .legend .stroke { fill: none; stroke-width: 2.5; }
.series-0 { --c: #1f5f99; } .series-1 { --c: #a4161a; } .series-2 { --c: #1a6a2c; } .series-3 { --c: #6a3d9a; } .series-4 { --c: #8a4b00; }
.line .stroke, .legend .stroke { stroke: var(--c); }
.marker { fill: var(--c); stroke: var(--c); stroke-width: 1; }
.marker-cross { fill: none; stroke-width: 2; }
.screenshots { display: flex; flex-wrap: wrap; gap: 1rem; align-items: flex-start; }
.screenshots img { max-width: 100%; height: auto; border: 1px solid #8a8a8a; }
.languages ul { list-style: none; padding: 0; }
.languages li { margin: 1rem 0; }
footer { border-top: 2px solid #d0d7de; margin-top: 2rem; color: #3d3d3d; }
`;
