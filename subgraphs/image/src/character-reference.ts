/** A Character as this subgraph sees it: the representation the gateway sends, with the @requires field. */
export interface CharacterReference {
  id: string;
  /** Absent when the gateway did not need `portrait`; null when the character has no portrait. */
  portraitImageId?: string | null;
}
