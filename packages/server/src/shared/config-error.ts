/** A configuration value that stops the start, with a message that says what to fix. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}
