// Types of scripts/schemas.mjs for the test that checks the committed schemas are current.
export function makeSchemas(): { file: string; text: string }[];
