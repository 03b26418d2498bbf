// The connect page's only script (same origin, no inline code). Progressive enhancement: the form works and is
// validated by the server without it. It only ever sets text and attributes (the CSP refuses HTML sinks).
(() => {
  const form = document.querySelector('[data-connect-form]');
  if (form !== null) enhanceForm(form);

  const connected = document.getElementById('connected');
  if (connected !== null) announceConnected(connected);

  function enhanceForm(formElement) {
    const inputs = Array.from(formElement.querySelectorAll('input[data-label]'));
    formElement.noValidate = true;

    for (const input of inputs) {
      input.addEventListener('blur', () => {
        trimAffixes(input);
        if (input.value !== '' || input.getAttribute('aria-invalid') === 'true') showProblem(input);
      });
      input.addEventListener('input', () => {
        if (input.getAttribute('aria-invalid') === 'true') showProblem(input);
      });
    }

    for (const toggle of formElement.querySelectorAll('[data-reveal]')) {
      const target = document.getElementById(toggle.getAttribute('data-reveal'));
      if (target === null) continue;
      toggle.hidden = false;
      toggle.addEventListener('click', () => {
        const reveal = target.type === 'password';
        target.type = reveal ? 'text' : 'password';
        toggle.textContent = reveal ? 'Hide' : 'Show';
        toggle.setAttribute('aria-label', `${reveal ? 'Hide' : 'Show'} ${target.getAttribute('data-label')}`);
      });
    }

    formElement.addEventListener('submit', (event) => {
      let firstInvalid = null;
      for (const input of inputs) {
        trimAffixes(input);
        if (!showProblem(input) && firstInvalid === null) firstInvalid = input;
      }
      if (firstInvalid !== null) {
        event.preventDefault();
        firstInvalid.focus();
        return;
      }
      // One submission only: a second one would find the link already spent.
      const button = formElement.querySelector('[data-submit]');
      if (button !== null) {
        button.disabled = true;
        button.setAttribute('aria-busy', 'true');
        button.textContent = 'Connecting…';
      }
      for (const toggle of formElement.querySelectorAll('[data-reveal]')) toggle.disabled = true;
    });

    const alert = document.querySelector('[data-form-error]');
    if (alert !== null) alert.focus();
  }

  /** People paste `https://acme.example.com` where only `acme` is asked for: keep the part that belongs. */
  function trimAffixes(input) {
    if (input.type === 'password') return;
    let value = input.value.trim();
    const prefix = input.getAttribute('data-prefix');
    const suffix = input.getAttribute('data-suffix');
    if (prefix && value.toLowerCase().startsWith(prefix.toLowerCase())) value = value.slice(prefix.length);
    if (suffix) value = value.replace(/\/+$/, '');
    if (suffix && value.toLowerCase().endsWith(suffix.toLowerCase())) value = value.slice(0, -suffix.length);
    input.value = value;
  }

  /** Shows (or clears) the field's message; true when the value is acceptable. */
  function showProblem(input) {
    const problem = problemOf(input);
    const message = document.querySelector(`[data-error-for="${input.id}"]`);
    const field = input.closest('[data-field]');
    if (message !== null) {
      message.textContent = problem || '';
      message.hidden = !problem;
    }
    if (field !== null) field.classList.toggle('has-error', Boolean(problem));
    if (problem) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
    return !problem;
  }

  function problemOf(input) {
    const label = input.getAttribute('data-label');
    const value = input.value.trim();
    if (value === '') return input.required ? `Enter your ${label}.` : '';
    if (input.type === 'email' && input.validity.typeMismatch) return `Enter a valid email address.`;
    if (input.type === 'url' && input.validity.typeMismatch)
      return `Enter a full address starting with https://.`;
    const pattern = input.getAttribute('data-pattern');
    if (pattern && !matches(pattern, value)) {
      const example = input.getAttribute('data-example');
      return example
        ? `This does not look right. Enter something like ${example}.`
        : `This does not look right.`;
    }
    return '';
  }

  function matches(pattern, value) {
    try {
      // The declared pattern must match the whole value, compiled exactly as the engine's check does.
      return new RegExp(`^(?:${pattern})$`, 'u').test(value);
    } catch {
      // A pattern this browser cannot compile is left to the server, which checks every value anyway.
      return true;
    }
  }

  function announceConnected(element) {
    const accountId = element.getAttribute('data-account-id');
    const targetOrigin = element.getAttribute('data-target-origin');
    if (window.opener && accountId) {
      // Without a known opener origin the message still holds nothing secret: the id is useless without an API key.
      window.opener.postMessage(
        { type: 'switchboard:connected', integrated_account_id: accountId },
        targetOrigin || '*',
      );
    }
    const close = element.querySelector('[data-close]');
    if (close !== null && window.opener) {
      close.hidden = false;
      close.addEventListener('click', () => window.close());
    }
  }
})();
