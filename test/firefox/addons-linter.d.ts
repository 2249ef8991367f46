/** The part of addons-linter's library API the tests use (the package ships no types). */
declare module 'addons-linter' {
  interface LinterInstance {
    run(): Promise<unknown>;
  }
  const addonsLinter: {
    createInstance(options: {
      config: Record<string, unknown>;
      runAsBinary: boolean;
    }): LinterInstance;
  };
  export default addonsLinter;
}
