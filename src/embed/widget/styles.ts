// The widget's styles, adopted as a constructable stylesheet: no inline <style> and no style attribute needed.
const css = `
:host{--candor-accent:#1d4ed8;--candor-accent-text:#fff;--candor-text:#1f2937;--candor-muted:#4b5563;--candor-bg:#fff;--candor-border:#6b7280;--candor-error:#b91c1c;--candor-good:#166534;--candor-bad:#9a3412;--candor-radius:6px;--candor-font:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;
display:block;color:var(--candor-text);background:var(--candor-bg);font:1rem/1.5 var(--candor-font);padding:1rem;border-radius:var(--candor-radius)}
[hidden]{display:none!important}
*{box-sizing:border-box}
h2{font-size:1.25rem;margin:1.25rem 0 .5rem}
h3{font-size:1.05rem;margin:0 0 .25rem}
p{margin:.25rem 0}
.muted{color:var(--candor-muted);font-size:.9rem}
.tally .bar{height:.6rem;border-radius:var(--candor-radius);background:var(--candor-bad);overflow:hidden;margin:.5rem 0}
.tally .bar>div{height:100%;background:var(--candor-good);width:0}
.stories{list-style:none;padding:0;margin:0}
.story{border:1px solid var(--candor-border);border-radius:var(--candor-radius);padding:.75rem 1rem;margin:0 0 .75rem}
.story:focus,.comment:focus{outline:2px solid var(--candor-accent);outline-offset:2px}
.body{white-space:pre-line;overflow-wrap:anywhere}
h4{font-size:1rem;margin:1rem 0 .25rem}
.rating{display:flex;flex-wrap:wrap;align-items:center;gap:0 .75rem;margin:.5rem 0}
.rating [role=status]{flex-basis:100%}
.stars{display:inline-flex}
.stars button{background:none;border:0;padding:0 .1rem;color:var(--candor-border);font-size:1.5rem;line-height:1.1;font-weight:400}
.stars button.on,.stars:hover button{color:var(--candor-accent)}
.stars button:hover~button{color:var(--candor-border)}
.comments{list-style:none;padding:0;margin:.5rem 0}
.comment{border-left:3px solid var(--candor-border);padding:.25rem .75rem;margin:0 0 .75rem}
.discussion{margin:.5rem 0 0 .75rem}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.badge{display:inline-block;font-size:.8rem;font-weight:600;padding:0 .4rem;border-radius:var(--candor-radius);border:1px solid currentColor}
.badge.effective{color:var(--candor-good)}.badge.ineffective{color:var(--candor-bad)}.badge.none{color:var(--candor-muted)}
.warning{font-weight:600;margin:.25rem 0 .5rem}
button,input,textarea,select{font:inherit;color:inherit}
button{cursor:pointer;border-radius:var(--candor-radius);padding:.45rem .9rem;border:2px solid var(--candor-accent);background:var(--candor-accent);color:var(--candor-accent-text);font-weight:600}
button.secondary{background:transparent;color:var(--candor-accent)}
button.link{background:none;border:0;padding:0;color:var(--candor-accent);text-decoration:underline;font-weight:400;font-size:.9rem}
button[disabled]{opacity:.7;cursor:progress}
:focus-visible{outline:3px solid var(--candor-accent);outline-offset:2px}
button:focus-visible{box-shadow:0 0 0 2px var(--candor-bg)}
label,legend{display:block;font-weight:600;margin:.75rem 0 .25rem}
fieldset{border:0;padding:0;margin:0}
.choice{display:flex;gap:.5rem;align-items:flex-start;font-weight:400;margin:.35rem 0}
.choice input{margin-top:.3rem}
input[type=text],input[type=email],textarea,select{width:100%;padding:.45rem .6rem;border:1px solid var(--candor-border);border-radius:var(--candor-radius);background:var(--candor-bg)}
textarea{min-height:8rem;resize:vertical}
[aria-invalid=true]{border-color:var(--candor-error);border-width:2px}
.error{color:var(--candor-error);font-weight:600;font-size:.9rem;margin:.25rem 0}
.hp{position:absolute!important;left:-10000px;width:1px;height:1px;overflow:hidden}
.notice{border-left:4px solid var(--candor-accent);padding:.5rem 1rem;margin:1rem 0}
.notice:focus{outline:2px solid var(--candor-accent);outline-offset:2px}
.actions{margin-top:1rem;display:flex;gap:.75rem;flex-wrap:wrap;align-items:center}
.token{font-family:ui-monospace,monospace;overflow-wrap:anywhere}
.yours{list-style:none;padding:0;margin:0}
.own{border:1px solid var(--candor-border);border-radius:var(--candor-radius);padding:.75rem 1rem;margin:0 0 .75rem}
.status-approved strong{color:var(--candor-good)}.status-rejected strong,.status-removed strong{color:var(--candor-bad)}
.keep{margin:.75rem 0}
`

/** Adopts the stylesheet into the shadow root. Browsers without constructable stylesheets (Safari < 16.4)
 *  get a <style> element instead, which a host page's strict style-src would block there. */
export function applyStyles (root: ShadowRoot): void {
  if ('adoptedStyleSheets' in root && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
    const sheet = new CSSStyleSheet()
    sheet.replaceSync(css)
    root.adoptedStyleSheets = [sheet]
    return
  }
  const style = document.createElement('style')
  style.textContent = css
  root.append(style)
}
