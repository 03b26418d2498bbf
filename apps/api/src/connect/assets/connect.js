// Switchboard connect — embed with <script src="https://YOUR-SWITCHBOARD/connect.js"></script>, then
//   const id = await Switchboard.connect({ linkToken });
// Opens the hosted connect page in a popup and resolves with the integrated account id once the customer has
// connected; rejects when the popup is blocked or closed first. Errors carry a stable `code`.
(() => {
  const POPUP_FEATURES = 'popup=yes,width=520,height=760';
  const CLOSED_POLL_MS = 400;
  const script = document.currentScript;
  // Where this script came from is where the connect page lives, unless the caller says otherwise.
  const scriptBase = script?.src ? new URL('./', script.src).href : undefined;

  function connectError(code, message) {
    const error = new Error(message);
    error.name = 'SwitchboardConnectError';
    error.code = code;
    return error;
  }

  function baseUrlOf(given) {
    const url = new URL(given || scriptBase || window.location.href, window.location.href);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('not http(s)');
    if (!url.pathname.endsWith('/')) url.pathname += '/';
    url.search = '';
    url.hash = '';
    return url;
  }

  function connect(options) {
    return new Promise((resolve, reject) => {
      const linkToken = options?.linkToken;
      if (typeof linkToken !== 'string' || linkToken === '') {
        reject(connectError('SB_ERR_CONNECT_INVALID_OPTIONS', 'Switchboard.connect needs { linkToken }'));
        return;
      }
      let base;
      try {
        base = baseUrlOf(options.baseUrl);
      } catch {
        reject(connectError('SB_ERR_CONNECT_INVALID_OPTIONS', 'baseUrl must be an http(s) URL'));
        return;
      }
      const page = new URL(`connect/${encodeURIComponent(linkToken)}`, base);
      // The page posts its result to this origin only.
      if (window.location.origin !== 'null') page.searchParams.set('origin', window.location.origin);

      const popup = window.open(page.href, '_blank', POPUP_FEATURES);
      if (!popup) {
        reject(connectError('SB_ERR_CONNECT_POPUP_BLOCKED', 'the browser blocked the connect popup'));
        return;
      }

      let settled = false;
      const timer = window.setInterval(() => {
        if (popup.closed)
          finish(() => reject(connectError('SB_ERR_CONNECT_CLOSED', 'the connect window was closed')));
      }, CLOSED_POLL_MS);

      function onMessage(event) {
        // Only the page we opened, served from the Switchboard origin, may answer.
        if (event.origin !== base.origin || event.source !== popup) return;
        const data = event.data;
        if (data?.type !== 'switchboard:connected' || typeof data.integrated_account_id !== 'string') return;
        finish(() => resolve(data.integrated_account_id));
        popup.close();
      }

      function finish(settle) {
        if (settled) return;
        settled = true;
        window.clearInterval(timer);
        window.removeEventListener('message', onMessage);
        settle();
      }

      window.addEventListener('message', onMessage);
      popup.focus();
    });
  }

  const namespace = window.Switchboard || {};
  namespace.connect = connect;
  window.Switchboard = namespace;
})();
