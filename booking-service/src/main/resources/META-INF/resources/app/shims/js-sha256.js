// js-sha256 is published as a classic script (index.html loads it from its WebJar, and it sets window.sha256);
// keycloak-js imports it as a module: this gives it the same function as that module's default export.
export default globalThis.sha256;
