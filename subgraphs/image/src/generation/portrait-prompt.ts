import { enumWords } from '#lib/gateway-client/generation-result.js';

export interface PortraitSubject {
  name: string;
  race: string;
  class: string;
}

/** What the image provider is asked to draw: the character as the character service knows it, then the caller's words. */
export function portraitPrompt(subject: PortraitSubject, extra: string | null): string {
  const base = `Fantasy portrait of ${subject.name}, a ${enumWords(subject.race)} ${enumWords(subject.class)}, head and shoulders, detailed`;
  return extra ? `${base}. ${extra}` : base;
}

const PNG_DATA_URL = /^data:image\/png;base64,([A-Za-z0-9+/]+={0,2})$/;

/** The base64 of a PNG data: URL as the llm returns images; null for anything else. */
export function pngBase64OfDataUrl(dataUrl: string): string | null {
  return PNG_DATA_URL.exec(dataUrl)?.[1] ?? null;
}
