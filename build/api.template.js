// The scripting API, `window.jwtInspector`: a frozen object with only the documented calls.
// Each argument's type is checked here, before it reaches the WebAssembly glue, which trusts
// `.length` and would otherwise read or write out of bounds for a non-string. A wrong type throws a
// TypeError that names the argument; nothing reaches the module.
function publicApi(api) {
  const text = (call, name, value, optional = false) => {
    if (optional && (value === undefined || value === null)) return undefined;
    if (typeof value !== 'string') {
      throw new TypeError(`jwtInspector.${call}: '${name}' must be a string${optional ? ' or undefined' : ''}, not ${value === null ? 'null' : typeof value}`);
    }
    return value;
  };
  const number = (call, name, value) => {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new TypeError(`jwtInspector.${call}: '${name}' must be a finite number or undefined, not ${value === null ? 'null' : typeof value}`);
    }
    return value;
  };
  const flag = (call, name, value) => {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'boolean') {
      throw new TypeError(`jwtInspector.${call}: '${name}' must be a boolean or undefined, not ${typeof value}`);
    }
    return value;
  };
  return Object.freeze({
    inspectToken(token, secret, encoding, now, scanWeakSecrets) {
      const c = 'inspectToken';
      return api.inspectToken(text(c, 'token', token), text(c, 'secret', secret, true), text(c, 'encoding', encoding, true),
        number(c, 'now', now), flag(c, 'scanWeakSecrets', scanWeakSecrets));
    },
    verifyToken(token, secret, encoding) {
      const c = 'verifyToken';
      return api.verifyToken(text(c, 'token', token), text(c, 'secret', secret), text(c, 'encoding', encoding, true));
    },
    findWeakSecret(token, candidates, maxBytes) {
      const c = 'findWeakSecret';
      return api.findWeakSecret(text(c, 'token', token), text(c, 'candidates', candidates, true), number(c, 'maxBytes', maxBytes));
    },
    weakSecretCount() {
      return api.weakSecretCount();
    },
    verifyWithKey(token, key) {
      const c = 'verifyWithKey';
      const checked = [text(c, 'token', token), text(c, 'key', key)];
      return api.verifyWithKey(...checked).then((json) => JSON.parse(json));
    },
  });
}
