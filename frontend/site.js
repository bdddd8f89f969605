// The site's header and footer on the static playground page: the server renders the same fragment as on every
// other page (/site/header, /site/footer). Left out when the page is shown inside another page (a lab's frame),
// or when its address asks for that (?embed).
(() => {
  const embedded = window.top !== window || new URLSearchParams(location.search).has('embed');
  document.documentElement.classList.toggle('embedded', embedded);
  if (embedded) return;
  const fill = (id, path) => {
    const slot = document.getElementById(id);
    if (!slot) return;
    fetch(path, { headers: { Accept: 'text/html' }, credentials: 'same-origin' })
      .then((r) => (r.ok ? r.text() : ''))
      .then((html) => { if (html.trim()) slot.outerHTML = html; })
      .catch(() => {});
  };
  const start = () => { fill('site-header', '/site/header'); fill('site-footer', '/site/footer'); };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
