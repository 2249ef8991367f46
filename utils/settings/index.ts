/** Settings: the schemas (pure) and the storage items, from one module. */
export * from './schema';
export * from './items';
