/// The report's inline stylesheet. Colours live in CSS variables that the
/// SVG charts use too, with a light and a dark palette and a light, ink-saving
/// palette for print.
enum ReportStyle {
    static let light = """
          --bg: #ffffff; --fg: #1b1b1f; --muted: #5b5b66; --grid: #e1e1e8; --card: #f6f6f9;
          --risk: #a4001d; --risk-bg: #ffe5ea; --attention: #7a4a00; --attention-bg: #fff1d1;
          --info: #1d4f91; --info-bg: #e4eefc;
          --done: #2f7d32; --missed: #c2185b; --pending: #c9c9d3; --excused: #7e8cc8; --none: #f0f0f4;
          --glyph-on-fill: #ffffff; --glyph-on-light: #1b1b1f;
          --s0: #1565c0; --s1: #d84315; --s2: #2e7d32; --s3: #6a1b9a; --s4: #00838f; --s5: #6d4c41;
          --b0: #e8f5e9; --b1: #fffde7; --b2: #fff3e0; --b3: #ffe0d6; --b4: #fde0e6;
        """

    static let dark = """
          --bg: #16161a; --fg: #ececf1; --muted: #a3a3b2; --grid: #34343d; --card: #202027;
          --risk: #ff8a9b; --risk-bg: #4a1620; --attention: #ffc861; --attention-bg: #3d2c0b;
          --info: #8cb8ff; --info-bg: #1a2a45;
          --done: #66bb6a; --missed: #f06292; --pending: #5a5a66; --excused: #9fa8da; --none: #26262d;
          --glyph-on-fill: #111114; --glyph-on-light: #ececf1;
          --s0: #64b5f6; --s1: #ff8a65; --s2: #81c784; --s3: #ce93d8; --s4: #4dd0e1; --s5: #bcaaa4;
          --b0: #1d3320; --b1: #33311a; --b2: #3a2a14; --b3: #3f2219; --b4: #44192a;
        """

    static let css = """
        :root { color-scheme: light dark;
        \(light)}
        @media (prefers-color-scheme: dark) { :root {
        \(dark)} }
        @media print {
          :root { color-scheme: light;
        \(light)}
          body { margin: 0; font-size: 10.5pt; max-width: none; }
          section.assignment { break-before: auto; }
          .flag, figure, svg.heat-map, table, ol.ladder, .goal { break-inside: avoid; }
          h2, h3 { break-after: avoid; }
          .charts { grid-template-columns: 1fr 1fr; }
          * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }
        * { box-sizing: border-box; }
        body { margin: 2rem auto; max-width: 72rem; padding: 0 1rem; background: var(--bg);
          color: var(--fg); font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; }
        header { border-bottom: 2px solid var(--grid); margin-bottom: 1.5rem; }
        header h1 { margin: 0 0 .25rem; font-size: 1.6rem; }
        header p { margin: 0 0 .75rem; color: var(--muted); }
        h2 { font-size: 1.2rem; margin: 2rem 0 .5rem; }
        h3 { font-size: 1rem; margin: 1.25rem 0 .4rem; }
        section.assignment { border-top: 2px solid var(--grid); margin-top: 2rem; }
        .badge { font-size: .8rem; font-weight: 400; color: var(--muted); margin-left: .6rem;
          border: 1px solid var(--grid); border-radius: 3px; padding: 0 .35rem; white-space: nowrap; }
        dl.plan { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: .4rem 0; }
        dl.plan dt { color: var(--muted); }
        dl.plan dd { margin: 0; }
        .note { color: var(--muted); font-size: .9em; margin: .2rem 0 .4rem; }
        .charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(22rem, 1fr));
          gap: .75rem 1.25rem; }
        figure.small-multiple { margin: 0; }
        figure.small-multiple figcaption { font-weight: 600; font-size: .92em; margin-bottom: .15rem; }
        figure.small-multiple svg.chart { max-width: none; }
        ul.milestones { list-style: none; padding: 0; }
        ul.milestones .date, ol.phases .state { color: var(--muted); margin-right: .6rem;
          font-variant-numeric: tabular-nums; }
        ol.phases { padding-left: 1.4rem; }
        ol.phases .state { margin-left: .5rem; }
        ol.phases ul { margin: .2rem 0 .5rem; padding-left: 1.2rem; }
        .goal h3 { margin-bottom: .1rem; }
        ul.ended-list { padding-left: 1.2rem; }
        ul.ended-list li { margin: .3rem 0; }
        .flag { border: 2px solid var(--info); background: var(--info-bg); border-radius: 6px;
          padding: .5rem .75rem; margin: .4rem 0; }
        .flag .level { font-weight: 700; letter-spacing: .05em; margin-right: .5rem; }
        .flag code { color: var(--muted); font-size: .85em; margin-left: .5rem; }
        .flag.risk { border: 4px double var(--risk); background: var(--risk-bg); font-size: 1.1em; }
        .flag.risk .level { color: var(--risk); }
        .flag.attention { border-color: var(--attention); background: var(--attention-bg);
          border-style: dashed; }
        .flag.attention .level { color: var(--attention); }
        .flag.info .level { color: var(--info); }
        .summary { color: var(--muted); margin: .25rem 0; }
        svg.chart { display: block; width: 100%; max-width: 760px; height: auto; }
        svg.heat-map { width: 100%; max-width: none; }
        svg .hm-day { font-size: 10px; fill: var(--glyph-on-fill); opacity: .85; }
        svg .hm-day.on-none, svg .hm-day.on-pending { fill: var(--muted); }
        svg .week-count { font-variant-numeric: tabular-nums; }
        svg text { fill: var(--fg); font: 11px system-ui, sans-serif; }
        svg .tick { fill: var(--muted); }
        svg .axis-title { fill: var(--muted); font-size: 11px; }
        svg .grid { stroke: var(--grid); stroke-width: 1; }
        svg .axis-line { stroke: var(--muted); stroke-width: 1; }
        svg .series { fill: none; stroke-width: 2.25; }
        .s0 { stroke: var(--s0); } .marker.s0 { fill: var(--s0); }
        .s1 { stroke: var(--s1); } .marker.s1 { fill: var(--s1); }
        .s2 { stroke: var(--s2); } .marker.s2 { fill: var(--s2); }
        .s3 { stroke: var(--s3); } .marker.s3 { fill: var(--s3); }
        .s4 { stroke: var(--s4); } .marker.s4 { fill: var(--s4); }
        .s5 { stroke: var(--s5); } .marker.s5 { fill: var(--s5); }
        svg .marker { stroke: var(--bg); stroke-width: 1; }
        svg .reference { stroke: var(--fg); stroke-dasharray: 4 4; stroke-width: 1.25; }
        svg .reference-label, svg .band-label { fill: var(--muted); font-size: 10.5px; }
        svg .band { stroke: none; }
        .b0 { fill: var(--b0); } .b1 { fill: var(--b1); } .b2 { fill: var(--b2); }
        .b3 { fill: var(--b3); } .b4 { fill: var(--b4); }
        svg .rc { fill: none; stroke-width: 2; }
        svg .rc-better { stroke: var(--done); } svg .rc-worse { stroke: var(--risk); stroke-dasharray: 3 2; }
        svg .rc-label { font-weight: 700; font-size: 10.5px; }
        svg .hm-cell { stroke: var(--grid); stroke-width: 1; }
        svg .hm-done { fill: var(--done); } svg .hm-missed { fill: var(--missed); }
        svg .hm-pending { fill: var(--pending); } svg .hm-excused { fill: var(--excused); }
        svg .hm-none { fill: var(--none); }
        svg .hm-glyph { font-size: 14px; font-weight: 700; fill: var(--glyph-on-fill); }
        svg .hm-glyph.on-pending { fill: var(--glyph-on-light); }
        .legend { list-style: none; padding: 0; margin: .3rem 0; display: flex; flex-wrap: wrap;
          gap: .25rem 1.25rem; color: var(--muted); font-size: .9em; }
        .legend li { display: flex; align-items: center; gap: .35rem; }
        .legend .key { display: inline-block; min-width: 1.4em; text-align: center; border-radius: 3px;
          font-weight: 700; color: var(--glyph-on-fill); padding: 0 .2em; }
        .key.hm-done { background: var(--done); } .key.hm-missed { background: var(--missed); }
        .key.hm-pending { background: var(--pending); color: var(--glyph-on-light); } .key.hm-excused { background: var(--excused); }
        .key.hm-none { background: var(--none); border: 1px solid var(--grid); }
        svg.swatch { width: 28px; height: 16px; }
        table { border-collapse: collapse; margin: .4rem 0 1rem; font-size: .92em; }
        th, td { text-align: left; padding: .25rem .7rem .25rem 0; border-bottom: 1px solid var(--grid); }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        ol.ladder { padding-left: 1.6rem; }
        ol.ladder li.mastered::marker { font-weight: 700; }
        ol.ladder .state { color: var(--muted); margin-left: .4rem; font-size: .9em; }
        ol.ladder li.current { font-weight: 700; }
        .balance { margin: .3rem 0; }
        """
}
