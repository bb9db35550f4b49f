/** A Character as this subgraph knows it: only its key (the character subgraph owns everything else). */
export interface CharacterReference {
  id: string;
}
