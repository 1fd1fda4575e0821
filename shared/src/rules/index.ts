// Rule presets and the standard option sets, as data.
export * from './presets';
export * from './options';
