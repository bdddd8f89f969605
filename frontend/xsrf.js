// For requests a page makes with fetch() itself (the shared modules' send() adds the header on its own): sends
// the CSRF token (the XSRF-TOKEN cookie) as the X-XSRF-TOKEN header on same-origin requests that change
// something; the server asks for it whenever the browser carries a student's or an instructor's cookie.
// Loaded as a classic script before the page's modules.
(() => {
  const SAFE = /^(GET|HEAD|OPTIONS|TRACE)$/i;
  const send = window.fetch.bind(window);

  function token() {
    const m = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]*)/);
    return m ? decodeURIComponent(m[1]) : null;
  }

  window.fetch = (input, init = {}) => {
    const request = input instanceof Request ? input : null;
    const method = init.method || (request ? request.method : 'GET');
    const url = new URL(request ? request.url : String(input), location.href);
    const value = token();
    if (value && !SAFE.test(method) && url.origin === location.origin) {
      const headers = new Headers(init.headers || (request ? request.headers : undefined));
      headers.set('X-XSRF-TOKEN', value);
      init = { ...init, headers };
    }
    return send(input, init);
  };
})();
