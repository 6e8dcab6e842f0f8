/**
 * Language identification: scripts, fastText with short-message rules, mixed language.
 *
 * @example
 * import { createLanguageIdentifier } from "./language/index.js";
 * const lid = await createLanguageIdentifier();
 * lid.identify("nefunguje mi to uz tri dny").code; // "cs"
 */
export { createLanguageIdentifier, type LanguageIdentifier } from "./language-identifier.js";
export { countScripts, scriptOf, SCRIPT_LANGUAGE, type ScriptCounts } from "./script.js";
export { toIso, scriptOfLanguage } from "./iso-codes.js";
