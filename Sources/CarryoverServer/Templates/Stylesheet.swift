/// The portal's only stylesheet, served as /portal.css (the CSP allows no
/// inline style). Phone first: one column, large targets (44 px), visible
/// focus, and colours with at least 4.5:1 contrast (WCAG 2.1 AA).
enum Stylesheet {
    static let css = #"""
        *, *::before, *::after { box-sizing: border-box; }
        html { font-size: 100%; -webkit-text-size-adjust: 100%; }
        body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
          line-height: 1.5; color: #1a1a1a; background: #fafaf7; }
        .skip { position: absolute; left: -9999px; top: 0; background: #fff; padding: .5rem 1rem; }
        .skip:focus { left: .5rem; z-index: 10; }
        header.top, main, footer.bottom { max-width: 42rem; margin: 0 auto; padding: 0 1rem; }
        header.top { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between;
          gap: .5rem; padding-top: .75rem; padding-bottom: .75rem; border-bottom: 1px solid #c9c9c0; }
        .brand { margin: 0; font-weight: 700; }
        nav ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: .25rem 1rem;
          align-items: center; }
        nav form { margin: 0; }
        main { padding-top: 1rem; padding-bottom: 2rem; }
        main:focus { outline: none; }
        h1 { font-size: 1.6rem; line-height: 1.25; margin: .5rem 0 1rem; }
        h2 { font-size: 1.2rem; margin: 1.25rem 0 .5rem; }
        a { color: #0b4f8a; }
        a:focus, button:focus, input:focus, textarea:focus, .skip:focus {
          outline: 3px solid #b35900; outline-offset: 2px; }
        .lead { font-size: 1.05rem; }
        .instructions { background: #eef3f8; border-left: 4px solid #0b4f8a; padding: .1rem 1rem; }
        .button, button { display: inline-block; min-height: 44px; padding: .6rem 1.1rem; border-radius: .4rem;
          border: 2px solid #0b4f8a; background: #0b4f8a; color: #fff; font: inherit; font-weight: 600;
          text-decoration: none; cursor: pointer; }
        button.secondary { background: #fff; color: #0b4f8a; margin-top: .25rem; }
        button.link { background: none; border: none; color: #0b4f8a; text-decoration: underline;
          padding: .6rem 0; font-weight: 400; }
        a.safety { font-weight: 700; color: #8a1c1c; }
        .stack > * + * { margin-top: 1rem; }
        .field, fieldset { margin: 0 0 1.25rem; }
        fieldset { border: 1px solid #c9c9c0; border-radius: .4rem; padding: .5rem .9rem .9rem; min-width: 0; }
        fieldset fieldset { background: #fff; }
        legend { font-weight: 600; padding: 0 .25rem; }
        label { display: block; font-weight: 600; margin-bottom: .25rem; }
        .opt { font-weight: 400; color: #4a4a4a; }
        .help { margin: 0 0 .35rem; color: #4a4a4a; font-size: .95rem; }
        input[type=text], input[type=number], input[type=date], input[type=time], textarea {
          display: block; width: 100%; min-height: 44px; padding: .5rem .6rem; font: inherit;
          border: 2px solid #5c5c5c; border-radius: .3rem; background: #fff; color: #1a1a1a; }
        input.number { max-width: 10rem; }
        textarea { resize: vertical; }
        .option { display: flex; align-items: center; gap: .6rem; min-height: 44px; }
        .option input { width: 1.4rem; height: 1.4rem; margin: 0; flex: none; }
        .option label { font-weight: 400; margin: 0; padding: .4rem 0; }
        .invalid > input, .invalid > textarea { border-color: #a4161a; }
        .error { color: #a4161a; font-weight: 600; margin: 0 0 .35rem; }
        .tag { font-weight: 700; }
        .summary { border: 3px solid #a4161a; border-radius: .4rem; padding: .5rem 1rem; margin-bottom: 1.5rem;
          background: #fff; }
        .summary h2 { margin-top: .25rem; color: #a4161a; }
        .crisis { border: 3px solid #8a1c1c; background: #fff4f4; border-radius: .4rem; padding: .5rem 1rem;
          margin-bottom: 1.5rem; }
        .crisis h2 { color: #8a1c1c; margin-top: .25rem; }
        .cards { list-style: none; padding: 0; margin: 0; }
        .card { background: #fff; border: 1px solid #c9c9c0; border-radius: .5rem; padding: .25rem 1rem 1rem;
          margin-bottom: 1rem; }
        .due { padding-left: 1.2rem; }
        .done { font-weight: 700; color: #1e6b34; }
        .feedback { font-size: 1.1rem; background: #eef7f0; border-left: 4px solid #1e6b34; padding: .75rem 1rem; }
        .earned li { font-weight: 600; }
        .plan ul { padding-left: 1.2rem; }
        .cheers { background: #fff8e6; border-left: 4px solid #8a5a00; padding: .1rem 1rem .5rem; margin: .5rem 0 1rem; }
        .cheers h3 { font-size: 1rem; margin: .5rem 0 .25rem; }
        .cheers ul { list-style: none; margin: 0; padding: 0; }
        .cheers li + li { margin-top: .35rem; }
        .from { color: #4a4a4a; white-space: nowrap; }
        .actions { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .5rem; }
        .notice { background: #f1f1ec; border-left: 4px solid #4a4a4a; padding: .5rem 1rem; }
        footer.bottom { border-top: 1px solid #c9c9c0; padding-top: .5rem; padding-bottom: 2rem; }
        @media (min-width: 48rem) { h1 { font-size: 2rem; } }
        """#
}
