export * from './domain-error.js';
export { runCommand, runCommandIn, type Command, type CommandMetadata, type Decided, type Decision } from './run-command.js';
