/** The report's only stylesheet, inline and allowed by its hash in the page's CSP. */
export const REPORT_STYLE = `
:root { color-scheme: light; font-family: system-ui, -apple-system, "Segoe UI", sans-serif; color: #111827; }
body { margin: 0 auto; max-width: 1400px; padding: 16px 24px 48px; background: #fff; line-height: 1.4; }
h1 { font-size: 1.5rem; margin: 0 0 4px; }
h2 { font-size: 1.15rem; margin: 28px 0 8px; border-bottom: 1px solid #e5e7eb; padding-bottom: 4px; }
.muted { color: #6b7280; }
.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 0; }
.meta dt { font-weight: 600; }
.meta dd { margin: 0; }
.notice { background: #fef3c7; border: 1px solid #f59e0b; padding: 4px 8px; border-radius: 4px; }
.graph-box { border: 1px solid #d1d5db; border-radius: 6px; position: relative; }
#graph { display: block; width: 100%; height: 640px; cursor: grab; background: #fafafa; touch-action: none; }
#graph line { stroke-linecap: round; }
#graph text { font-size: 12px; fill: #111827; paint-order: stroke; stroke: #fff; stroke-width: 3px; pointer-events: none; }
#graph g.node { cursor: pointer; }
#graph.focus line, #graph.focus g.node { opacity: 0.15; }
#graph.focus line.near, #graph.focus g.node.near, #graph.focus g.node.sel { opacity: 1; }
#graph g.node.sel > :first-child { stroke: #f59e0b; stroke-width: 4px; }
.graph-tools { display: flex; gap: 8px; align-items: center; padding: 6px 8px; border-bottom: 1px solid #e5e7eb; flex-wrap: wrap; }
.legend { display: flex; gap: 12px; flex-wrap: wrap; font-size: 0.85rem; }
.swatch { display: inline-block; width: 10px; height: 10px; border-radius: 50%; margin-right: 4px; vertical-align: middle; }
.sw-privileged { background: #c81e1e; } .sw-account { background: #1a56db; } .sw-host { background: #057a55; }
.sw-ip { background: #0e7c86; } .sw-domain { background: #7e3af2; }
.sw-ok { background: #9ca3af; } .sw-mixed { background: #f59e0b; } .sw-failed { background: #e02424; }
table.data { border-collapse: collapse; width: 100%; font-size: 0.85rem; }
table.data th, table.data td { border-bottom: 1px solid #e5e7eb; padding: 3px 6px; text-align: left; vertical-align: top; }
table.data td.num, table.data th.num { text-align: right; font-variant-numeric: tabular-nums; }
table.data thead th { position: sticky; top: 0; background: #f3f4f6; }
table.data th button { font: inherit; font-weight: 600; text-align: inherit; border: 0; background: none; padding: 0; cursor: pointer; }
table.data th[aria-sort="ascending"] button::after { content: " ▲"; }
table.data th[aria-sort="descending"] button::after { content: " ▼"; }
table.data tr.sel { background: #fef3c7; }
#rankings tbody tr { cursor: pointer; }
.table-tools { display: flex; gap: 12px; align-items: center; margin: 6px 0; }
.table-tools input { padding: 3px 6px; min-width: 260px; }
.scroll { max-height: 520px; overflow: auto; border: 1px solid #e5e7eb; }
.sev { font-weight: 700; text-transform: uppercase; font-size: 0.75rem; padding: 1px 6px; border-radius: 4px; }
.sev-high { background: #fde8e8; color: #9b1c1c; } .sev-medium { background: #feecdc; color: #8a2c0d; }
.sev-low { background: #e1effe; color: #1e429f; } .sev-info { background: #f3f4f6; color: #374151; }
.detection { border: 1px solid #e5e7eb; border-radius: 6px; padding: 8px 12px; margin: 8px 0; }
.detection h3 { font-size: 1rem; margin: 0 0 4px; }
.evidence { font-family: ui-monospace, monospace; font-size: 0.8rem; word-break: break-all; }
button.link { font: inherit; color: #1a56db; background: none; border: 0; padding: 0; text-decoration: underline; cursor: pointer; }
.tag { display: inline-block; background: #e5e7eb; border-radius: 10px; padding: 0 8px; margin-right: 4px; font-size: 0.8rem; }
table.data td.time { white-space: nowrap; }
table.data ul { margin: 0; padding-left: 16px; }
.pre { white-space: pre-wrap; word-break: break-word; }
code, .hash { font-family: ui-monospace, monospace; font-size: 0.8rem; word-break: break-all; }
@media print { #graph { height: auto; } .graph-tools button, .table-tools input { display: none; } .scroll { max-height: none; } }
`;
