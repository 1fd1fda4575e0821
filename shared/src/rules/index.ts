// Rule presets and the standard option sets, as data, and what is derived from them (the text of
// a legal basis, the follow-up votes a result calls for).
export * from './presets';
export * from './options';
export * from './basis-text';
export * from './follow-up';
