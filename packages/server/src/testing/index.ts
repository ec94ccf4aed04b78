export { startTestServer, type TestServer } from './start-test-server.js';
export { startServerProcess, type ServerProcess } from './start-server-process.js';
export { tempDbPath } from './temp-db.js';
