// 4000 characters: the longest prompt the image providers we call accept (OpenAI's DALL-E 3 limit).
export const MAX_PROMPT_LENGTH = 4000;
