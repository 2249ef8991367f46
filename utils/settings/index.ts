/** Settings: the schemas (pure), the storage items, the team policy and the settings store. */
export * from './schema';
export * from './items';
export {
  applyPolicy,
  backendKeyPath,
  FEEDBACK_BACKEND_PATH,
  isLocked,
  LOCKED_MESSAGE,
  parsePolicy,
  PolicySchema,
  readPolicy,
  type Policy,
} from './policy';
export * from './settings-store';
export * from './permissions';
