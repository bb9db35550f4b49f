import type { Workflow } from '../transactions/workflow.js';

export interface SetPortraitArgs {
  characterId: string;
  /** Chosen by the hub before the first step, so the character's step can name the image it links. */
  imageId: string;
  dataBase64: string;
  prompt: string | null;
}

export interface SetPortraitResult {
  characterId: string;
  imageId: string;
  transactionId: string;
}

/**
 * setCharacterPortrait: an uploaded portrait is stored and becomes the character's, or neither.
 *
 * 1. image `storePortrait`: checks the bytes (a real PNG, JPEG, GIF or WebP within the size limit) and stages
 *    them, invisible. Commit: ImageStored. Abort is the compensating step: the staged bytes are removed, so a
 *    link that fails leaves no orphan image.
 * 2. character `linkPortrait`: the caller owns the character; reserves it. Commit: CharacterUpdated with the
 *    new portraitImageId.
 *
 * Independent: the hub chose the image id, so neither payload reads the other's prepare, and the two prepares and
 * the two commits each go out together. During the milliseconds of phase two a reader may see the character's
 * link before the image's bytes (the portrait resolves to null until the image's commit lands), never after the
 * mutation has answered COMMITTED.
 */
export const setCharacterPortraitWorkflow: Workflow<SetPortraitArgs, SetPortraitResult> = {
  name: 'setCharacterPortrait',
  independent: true,
  steps: [
    {
      service: 'image',
      operation: 'storePortrait',
      payload: (input) => ({ imageId: input.imageId, characterId: input.characterId, dataBase64: input.dataBase64, prompt: input.prompt }),
    },
    { service: 'character', operation: 'linkPortrait', payload: (input) => ({ characterId: input.characterId, imageId: input.imageId }) },
  ],
  result: (input, _prepared, transactionId) => ({ characterId: input.characterId, imageId: input.imageId, transactionId }),
};
