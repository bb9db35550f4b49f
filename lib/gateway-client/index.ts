export { gatewayRequest, type GatewayClientOptions } from './gateway-client.js';
export { delegationHeaders, type GatewayCaller } from './gateway-caller.js';
export { callerCampaigns, type CallerCampaigns } from './caller-campaigns.js';
