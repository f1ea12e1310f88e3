// <script type="module" src=".../embed.js"></script> then <pathway-assistant lang="fr" topics="family"></pathway-assistant>
// Defines no global, sets no cookie, stores nothing, and never changes the host page's address, title or <html>.
const here = new URL(import.meta.url);
const FILES = __BUILD_FILES__;
let started;

/** Loads the app once for every element of the page. */
function start() {
  started ??= import(new URL(FILES.js, here).href).then(async (app) => {
    await app.default({ module_or_path: new URL(FILES.wasm, here) });
    return app;
  });
  return started;
}

class PathwayAssistant extends HTMLElement {
  async connectedCallback() {
    if (this.shadowRoot) {
      return;
    }
    const root = this.attachShadow({ mode: 'open' });
    const style = document.createElement('link');
    style.rel = 'stylesheet';
    style.href = new URL(FILES.css, here).href;
    const container = document.createElement('div');
    root.append(style, container);
    const app = await start();
    const text = (name) => this.getAttribute(name) ?? undefined;
    app.mount_assistant(container, text('lang'), text('topics'), text('region'), text('exit-url'), this.hasAttribute('compact'), new URL('./', here).href);
  }
}

if (!customElements.get('pathway-assistant')) {
  customElements.define('pathway-assistant', PathwayAssistant);
}
