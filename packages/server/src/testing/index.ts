export { startTestServer, type TestServer } from './start-test-server.js';
export { startServerProcess, type ServerProcess } from './start-server-process.js';
export { tempDbPath } from './temp-db.js';
export { apiClient, type ApiClient, type ApiReply } from './api-client.js';
