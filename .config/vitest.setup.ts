// Installed before any test module imports nock (see packages/testkit/src/promise-with-resolvers.ts).
import '../packages/testkit/src/promise-with-resolvers.js';
