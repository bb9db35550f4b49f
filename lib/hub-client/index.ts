export { hubRequest, type HubClientOptions } from './hub-client.js';
