// The landing page's behaviour before the app has loaded, and the app's loader.
//
// The landing is plain HTML (index.html), so it paints at once and costs a few kilobytes; the
// app (the Yew page's wasm, then its worker) loads only when the user first acts: picks or drops
// a file, asks for the sample, the template or another plan. The action waits for the app in
// `window.__duibiaoIntent`, which the app takes over when it mounts (src/web/ui/intent.rs).
//
// An external file, not trunk's inline loader, so that the page's Content-Security-Policy can
// forbid inline scripts; the hashed asset names come from the attributes trunk writes on this
// script tag (Trunk.toml: pattern_script). The one-file offline copy (build/single-file.mjs)
// inlines this file after defining `__duibiaoLoadApp`. static/check-browser.js runs first.

const LANG_KEY = 'duibiao.lang';
const params = new URLSearchParams(location.search);

function savedLang() {
  try {
    return localStorage.getItem(LANG_KEY);
  } catch {
    return null; // storage can be off (private mode, a sandboxed portal frame)
  }
}

function rememberedPlan() {
  try {
    return localStorage.getItem('duibiao.plan.name') !== null;
  } catch {
    return false;
  }
}

// Same order as the app: ?lang=, then the saved choice, then Chinese.
let english = (params.get('lang') ?? savedLang()) === 'en';

function showLanguage() {
  for (const element of document.querySelectorAll('#app [data-en]')) {
    element.dataset.zh ??= element.textContent;
    element.textContent = english ? element.dataset.en : element.dataset.zh;
  }
  document.documentElement.lang = english ? 'en' : 'zh-CN';
  const toggle = document.querySelector('#app .lang-toggle');
  if (toggle) toggle.lang = english ? 'zh-CN' : 'en';
}

function loadFromServer() {
  const tag = document.querySelector('script[data-wasm-bindgen-js]');
  const base = document.baseURI;
  return import(new URL(tag.dataset.wasmBindgenJs, base).href).then(({ default: init }) =>
    init({ module_or_path: new URL(tag.dataset.wasm, base) }),
  );
}

let loading = null;

/** Loads the app once; `intent` is what the user asked for, handed over when it mounts. */
function start(intent) {
  // static/check-browser.js found something the app needs missing and shows why, in both languages.
  if (window.__duibiaoBrowserTooOld) return;
  if (intent) window.__duibiaoIntent = intent;
  if (loading) return;
  const busy = document.querySelector('#app .busy');
  if (busy) busy.hidden = false;
  loading = (window.__duibiaoLoadApp ?? loadFromServer)().catch((error) => {
    loading = null;
    if (busy) busy.hidden = true;
    const alert = document.querySelector('#app .error-alert');
    if (alert) alert.hidden = false;
    console.error(error);
  });
}

function onLanding(selector, event, handler) {
  document.querySelector(`#app ${selector}`)?.addEventListener(event, handler);
}

onLanding('.lang-toggle', 'click', () => {
  english = !english;
  try {
    localStorage.setItem(LANG_KEY, english ? 'en' : 'zh');
  } catch {
    // the choice then lasts for this page only
  }
  showLanguage();
});
onLanding('#file-input', 'change', (event) => {
  const file = event.target.files?.[0];
  if (file) start({ kind: 'file', file });
});
const dropZone = document.querySelector('#app .drop-zone');
onLanding('.drop-zone', 'dragover', (event) => {
  event.preventDefault();
  dropZone.classList.add('dragging');
});
onLanding('.drop-zone', 'dragleave', () => dropZone.classList.remove('dragging'));
onLanding('.drop-zone', 'drop', (event) => {
  event.preventDefault();
  dropZone.classList.remove('dragging');
  const file = event.dataTransfer?.files?.[0];
  if (file) start({ kind: 'file', file });
});
onLanding('#try-sample', 'click', () => start({ kind: 'sample' }));
onLanding('#download-template', 'click', () => start({ kind: 'template' }));
onLanding('#load-plan', 'click', () => start({ kind: 'plan' }));

// ?embed=1: the compact mode for a portal's iframe. The page tells its parent only its height,
// never anything from a file.
if (params.get('embed') === '1' || params.get('embed') === 'true') {
  document.body.classList.add('embed');
  if (window.parent !== window) {
    new ResizeObserver(() => {
      window.parent.postMessage(
        { type: 'duibiao:resize', height: document.documentElement.scrollHeight },
        '*',
      );
    }).observe(document.documentElement);
  }
}

if (english) showLanguage();
// A plan named in the address is the app's to fetch and check, as is one the user asked this
// computer to remember (src/web/ui/saved_plan.rs): start at once, so a file is checked against it.
if (params.get('plan') || rememberedPlan()) start(null);
