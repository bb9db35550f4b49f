export { hubRequest, type HubClientOptions } from './hub-client.js';
export { delegationHeaders, type HubCaller } from './hub-caller.js';
export { callerCampaigns, type CallerCampaigns } from './caller-campaigns.js';
