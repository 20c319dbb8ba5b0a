package dev.ferry.verify;

/**
 * The stylesheet of the HTML report, inlined into the page so it stays one file. Green and red
 * always come with ✓ and ✗ (and words), so the page reads the same in greyscale print or to
 * someone who does not see the colours.
 */
final class HtmlReportStyle {

    static final String CSS = """

            :root { --ok: #1a7f37; --ok-bg: #e7f5ea; --bad: #b42318; --bad-bg: #fdeceb; --warn: #8a5300; --warn-bg: #fff3dc;
                    --line: #d9dde3; --muted: #5b6470; --soft: #f5f7f9; color-scheme: light; }
            * { box-sizing: border-box; }
            body { margin: 0 auto; max-width: 72rem; padding: 1.5rem 1.25rem 3rem; color: #1d232b; background: #fff;
                   font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif; }
            h2 { font-size: 1.35rem; margin: 2.25rem 0 .5rem; padding-bottom: .25rem; border-bottom: 2px solid var(--line); }
            h3 { font-size: 1.1rem; margin: 1.5rem 0 .4rem; }
            code, pre { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: .9em; }
            code { overflow-wrap: anywhere; }
            a { color: inherit; text-decoration-color: #8a94a0; text-underline-offset: 2px; }
            .brand { margin: 0 0 .75rem; color: var(--muted); font-weight: 600; letter-spacing: .02em; }
            .banner { display: flex; gap: .9rem; align-items: flex-start; padding: 1rem 1.25rem; border-radius: 10px;
                      border: 2px solid; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
            .banner.ok { background: var(--ok-bg); border-color: var(--ok); }
            .banner.bad { background: var(--bad-bg); border-color: var(--bad); }
            .banner .mark { font-size: 2rem; line-height: 1; font-weight: 700; }
            .banner.ok .mark { color: var(--ok); } .banner.bad .mark { color: var(--bad); }
            .banner p { margin: 0; } .banner .sentence { font-size: 1.3rem; font-weight: 700; overflow-wrap: anywhere; }
            .facts { display: grid; grid-template-columns: max-content 1fr; gap: .3rem 1.25rem; margin: 1.1rem 0 0; }
            .facts dt, .meta dt { color: var(--muted); } .facts dd, .meta dd { margin: 0; min-width: 0; }
            .hint { color: var(--muted); margin: .25rem 0 .9rem; }
            .muted { color: var(--muted); font-weight: normal; }
            .scroll { overflow-x: auto; }
            table.grid { border-collapse: collapse; width: 100%; font-size: .95rem; }
            .grid th, .grid td { text-align: left; vertical-align: top; padding: .45rem .7rem; border-bottom: 1px solid var(--line); }
            .grid thead th { background: var(--soft); font-size: .85rem; color: #39424d; border-bottom: 2px solid var(--line); }
            .grid tbody th { font-weight: 600; }
            .grid th, .grid td, .grid code { overflow-wrap: break-word; }
            .grid tbody tr.bad { background: var(--bad-bg); }
            .grid .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            .grid td.diff { color: var(--bad); font-weight: 700; }
            .note { font-weight: normal; font-size: .85em; }
            .arrow { color: var(--muted); }
            .badge { display: inline-block; padding: .05rem .55rem; border-radius: 999px; font-size: .85rem; font-weight: 700;
                     white-space: nowrap; border: 1px solid; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
            .badge.ok { color: var(--ok); background: var(--ok-bg); }
            .badge.bad { color: var(--bad); background: var(--bad-bg); }
            .badge.warn { color: var(--warn); background: var(--warn-bg); }
            details { border: 1px solid var(--line); border-radius: 8px; margin: .5rem 0; padding: 0 .9rem; }
            details[open] { padding-bottom: .6rem; }
            summary { cursor: pointer; padding: .6rem 0; overflow-wrap: anywhere; }
            .sums { color: var(--muted); font-size: .85rem; margin: .6rem 0 0; }
            .cards { list-style: none; padding: 0; margin: 0; }
            .card { border: 1px solid var(--line); border-left: 4px solid #8a94a0; border-radius: 8px; padding: .75rem 1rem;
                    margin: .6rem 0; break-inside: avoid; }
            .card p { margin: 0 0 .4rem; } .card .msg, .card .item { font-weight: 600; overflow-wrap: anywhere; }
            .meta { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: .4rem 0 0; font-size: .95rem; }
            .examples { margin: 0; padding-left: 1.1rem; }
            pre { background: var(--soft); border: 1px solid var(--line); border-radius: 6px; padding: .7rem .9rem; margin: .4rem 0 0;
                  overflow-x: auto; white-space: pre-wrap; overflow-wrap: anywhere; }
            footer { margin-top: 3rem; padding-top: .75rem; border-top: 1px solid var(--line); color: var(--muted); font-size: .85rem; }
            @media print {
              body { max-width: none; padding: 0; font-size: 10.5pt; }
              h2 { break-after: avoid; } tr, .card, summary { break-inside: avoid; }
              a { text-decoration: none; } .scroll { overflow: visible; }
              details { border: none; padding: 0; } summary { list-style: none; font-size: 1.05em; }
              footer { margin-top: 1.5rem; }
            }
            @page { margin: 1.5cm; }
            @media print { details::details-content { content-visibility: visible; display: block; } }
            """;

    private HtmlReportStyle() {
    }
}
