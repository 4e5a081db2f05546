/**
 * The renderer's view of the shared command table (`src-shared/commands.ts`): the
 * ids, keys and menu placement of every command. What each does is registered at
 * run time with {@link useCommands}.
 */
export { commands, commandSpec, type CommandId, type CommandSpec } from '../../../src-shared/commands'
